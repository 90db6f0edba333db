"use client";

import { useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import type { FindingStatus } from "@/lib/doctor";
import type { PublicDoctorReport } from "@/lib/observability/doctor-run";

const MARK: Record<FindingStatus, string> = { ok: "✓", warn: "!", fail: "✗", info: "i" };
const COLOUR: Record<FindingStatus, string> = {
  ok: "text-emerald-700 dark:text-emerald-400",
  warn: "text-amber-700 dark:text-amber-300",
  fail: "text-red-700 dark:text-red-400",
  info: "text-zinc-500",
};

/** The deployment doctor's findings for the configured model server, run on demand. */
export function DoctorPanel() {
  const { t } = useI18n();
  const [state, setState] = useState<"idle" | "running" | "failed" | PublicDoctorReport>("idle");

  const run = async () => {
    setState("running");
    const response = await fetch("/api/doctor", { method: "POST" }).catch(() => undefined);
    setState(response?.ok ? ((await response.json()) as PublicDoctorReport) : "failed");
  };

  return (
    <section aria-labelledby="doctor-title" className="flex flex-col gap-2">
      <h2 id="doctor-title" className="font-semibold">
        {t.status.doctor}
      </h2>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{t.status.doctorHelp}</p>
      <button
        type="button"
        data-testid="run-doctor"
        disabled={state === "running"}
        onClick={() => void run()}
        className="self-start rounded-lg bg-accent px-3 py-1.5 font-medium text-sm text-white hover:bg-accent-strong disabled:opacity-50"
      >
        {state === "running" ? t.status.running_ : t.status.runDoctor}
      </button>
      {state === "failed" && <p role="alert">{t.status.doctorFailed}</p>}
      {typeof state === "object" && (
        <ul data-testid="doctor-findings" className="flex flex-col gap-2 text-sm">
          {state.findings.map((finding) => (
            <li
              key={finding.id}
              data-finding={finding.id}
              data-status={finding.status}
              className="flex gap-2"
            >
              <span aria-hidden="true" className={`w-4 shrink-0 font-bold ${COLOUR[finding.status]}`}>
                {MARK[finding.status]}
              </span>
              <div>
                <p className="font-medium">
                  <span className="sr-only">{finding.status}: </span>
                  {finding.title}
                </p>
                <p className="text-zinc-600 dark:text-zinc-400">{finding.detail}</p>
                {finding.fix && (
                  <p className="mt-0.5">
                    {t.status.fix}:{" "}
                    <code className="rounded bg-zinc-100 px-1 dark:bg-zinc-800">{finding.fix}</code>
                  </p>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
