import { z } from "zod";
import { envSchema } from "@/lib/config/schema";
import type { ReasoningMode } from "@/lib/r1/reasoning-middleware";
import type { SimOptionsInput } from "@/lib/vllm-sim";
import type { ParseArgsOptionsConfig } from "./args";
import { UsageError } from "./args";

/** Flags that choose and configure the model server, shared by `chat` and `eval`. */
export const upstreamFlags = {
  url: { type: "string" },
  "api-key": { type: "string" },
  model: { type: "string" },
  "reasoning-mode": { type: "string" },
  "force-think-prefix": { type: "boolean" },
  "max-tokens": { type: "string" },
} satisfies ParseArgsOptionsConfig;

export const upstreamFlagsUsage = [
  "  --url <url>               OpenAI-compatible base URL, e.g. http://127.0.0.1:8000/v1",
  "                            (default: VLLM_BASE_URL, else the built-in simulator)",
  "  --api-key <key>           bearer token (default: VLLM_API_KEY)",
  "  --model <id>              model to use (default: VLLM_MODEL, else the first of /v1/models)",
  "  --reasoning-mode <mode>   auto | parser | inline: how reasoning arrives (default: VLLM_REASONING or auto)",
  "  --force-think-prefix      send an assistant <think> prefix (default: R1_FORCE_THINK_PREFIX)",
  "  --max-tokens <n>          max_tokens for each answer (bounded by the model's context)",
].join("\n");

export const httpUrlSchema = z
  .url({ protocol: /^https?$/, message: "must be an http(s) URL such as http://127.0.0.1:8000/v1" })
  .transform((url) => url.replace(/\/+$/, ""));

export const positiveIntSchema = z.coerce
  .number({ error: "must be a number" })
  .int("must be a whole number")
  .positive("must be at least 1");

export const upstreamOptionsShape = {
  url: httpUrlSchema.optional(),
  apiKey: z.string().min(1, "must not be empty").optional(),
  model: z.string().min(1, "must not be empty").optional(),
  reasoningMode: z.enum(["auto", "parser", "inline"], { error: "must be auto, parser or inline" }).optional(),
  forceThinkPrefix: z.boolean().optional(),
  maxTokens: positiveIntSchema.optional(),
};

type UpstreamFlagValues = z.output<z.ZodObject<typeof upstreamOptionsShape>>;

/** The environment variables the app honours that also concern the CLIs; validated the same way. */
const upstreamEnvSchema = envSchema.pick({
  VLLM_BASE_URL: true,
  VLLM_API_KEY: true,
  VLLM_MODEL: true,
  VLLM_REASONING: true,
  R1_FORCE_THINK_PREFIX: true,
  R1_DEFAULT_MAX_TOKENS: true,
  SIM_TTFT_MS: true,
  SIM_ITL_MS: true,
  SIM_REASONING_PARSER: true,
  SIM_EMULATE_VERSION: true,
});

export type UpstreamEnv = z.output<typeof upstreamEnvSchema>;

export function parseUpstreamEnv(env: Record<string, string | undefined>): UpstreamEnv {
  const result = upstreamEnvSchema.safeParse(env);
  if (result.success) return result.data;
  throw new UsageError(
    result.error.issues.map((issue) => `${String(issue.path[0])}: ${issue.message}`).join("\n"),
  );
}

export interface UpstreamTarget {
  /** Undefined: start the built-in simulator. */
  url?: string;
  apiKey?: string;
  model?: string;
  reasoningMode: ReasoningMode;
  forceThinkPrefix: boolean;
  defaultMaxTokens: number;
  /** Used only when the simulator is started. */
  simulator: SimOptionsInput;
}

/** Flags win over the environment; the environment wins over built-in defaults. */
export function resolveUpstreamTarget(flags: UpstreamFlagValues, env: UpstreamEnv): UpstreamTarget {
  return {
    url: flags.url ?? env.VLLM_BASE_URL,
    apiKey: flags.apiKey ?? env.VLLM_API_KEY,
    model: flags.model ?? env.VLLM_MODEL,
    reasoningMode: flags.reasoningMode ?? env.VLLM_REASONING,
    forceThinkPrefix: flags.forceThinkPrefix ?? env.R1_FORCE_THINK_PREFIX,
    defaultMaxTokens: env.R1_DEFAULT_MAX_TOKENS,
    simulator: {
      ttftMs: env.SIM_TTFT_MS,
      itlMs: env.SIM_ITL_MS,
      reasoningParser: env.SIM_REASONING_PARSER,
      emulateVersion: env.SIM_EMULATE_VERSION,
    },
  };
}
