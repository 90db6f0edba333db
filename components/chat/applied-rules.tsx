import { useI18n } from "@/components/i18n/i18n-provider";
import type { MessageMetadata } from "@/lib/chat/metadata";

/** Shows which DeepSeek-R1 usage rules the BFF applied to this answer's request. */
export function AppliedRules({
  rules,
  finishReason,
}: {
  rules: NonNullable<MessageMetadata["rules"]>;
  finishReason?: string;
}) {
  const { t } = useI18n();
  return (
    <details className="text-xs text-zinc-500" data-testid="applied-rules">
      <summary className="cursor-pointer select-none">
        {t.rules.applied(rules.length)}
        {finishReason === "length" && ` · ${t.rules.stoppedAtMaxTokens}`}
      </summary>
      <ul className="mt-1 list-disc pl-5">
        {rules.map((rule) => (
          <li key={rule.id}>{rule.detail}</li>
        ))}
      </ul>
    </details>
  );
}
