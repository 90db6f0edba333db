import { z } from "zod";

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const booleanFlag = (fallback: boolean) =>
  z
    .stringbool({ truthy: ["1", "true", "yes", "on"], falsy: ["0", "false", "no", "off"] })
    .optional()
    .transform((value) => value ?? fallback);

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** An origin as browsers compare it: scheme, host and port, with nothing after. */
const webOrigin = z
  .url({ protocol: /^https?$/ })
  .refine((value) => URL.canParse(value) && new URL(value).origin === value.replace(/\/$/, ""), {
    message: "must be an origin such as https://docs.example.com (scheme, host and port; no path)",
  });

/** Origins separated by commas or spaces; empty means no site may embed the widget. */
const originList = z
  .string()
  .default("")
  .transform((value) => value.split(/[\s,]+/).filter(Boolean))
  .pipe(z.array(webOrigin.transform((value) => new URL(value).origin)));

export const envSchema = z.object({
  /**
   * Set by Next.js (and vitest): `next dev` is development, `next start` production. Next.js itself treats
   * any other value as production, and so does the app, rather than refuse to start.
   */
  NODE_ENV: z.enum(["development", "production", "test"]).catch("production"),
  VLLM_BASE_URL: optionalString.pipe(
    z
      .url({ protocol: /^https?$/, message: "must be an http(s) URL such as http://127.0.0.1:8000/v1" })
      .transform((url) => url.replace(/\/+$/, ""))
      .optional(),
  ),
  VLLM_API_KEY: optionalString,
  VLLM_MODEL: optionalString,
  VLLM_REASONING: z
    .enum(["auto", "parser", "inline"], {
      message: "must be auto, parser (vLLM runs --reasoning-parser) or inline (reasoning arrives in content)",
    })
    .default("auto"),
  R1_FORCE_THINK_PREFIX: booleanFlag(false),
  R1_DEFAULT_MAX_TOKENS: positiveInt(32_768),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  MAX_REQUEST_BYTES: positiveInt(512 * 1024),
  DATA_DIR: z.string().trim().min(1).default("./data"),
  DATABASE_URL: optionalString.pipe(
    z
      .url({
        protocol: /^postgres(ql)?$/,
        message: "must be a postgres:// URL (leave unset to use SQLite in DATA_DIR)",
      })
      .optional(),
  ),
  REDIS_URL: optionalString.pipe(
    z.url({ protocol: /^rediss?$/, message: "must be a redis:// or rediss:// URL" }).optional(),
  ),
  OWNER_COOKIE_SECRET: optionalString.pipe(
    z.string().min(32, "must be at least 32 characters (e.g. `openssl rand -hex 32`)").optional(),
  ),
  EMBED_ALLOWED_ORIGINS: originList,
  RATE_LIMIT_OWNER_PER_MINUTE: positiveInt(20),
  RATE_LIMIT_IP_PER_MINUTE: positiveInt(60),
  MAX_STREAMS_PER_OWNER: positiveInt(2),
  MAX_UPSTREAM_STREAMS: positiveInt(256),
  /** How many reverse proxies (nginx, a load balancer) append to X-Forwarded-For in front of the app. */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  MAX_CONVERSATION_MESSAGES: positiveInt(200),
  UPSTREAM_FIRST_TOKEN_TIMEOUT_MS: positiveInt(120_000),
  UPSTREAM_IDLE_TIMEOUT_MS: positiveInt(60_000),
  // Shorter intervals would fill a silent stream with comments for no proxy's sake.
  STREAM_KEEPALIVE_MS: z.coerce.number().int().min(100, "must be at least 100 ms").default(15_000),
  SIM_PORT: z.coerce.number().int().min(0).max(65_535).default(0),
  SIM_TTFT_MS: z.coerce.number().min(0).default(30),
  SIM_ITL_MS: z.coerce.number().min(0).default(8),
  SIM_REASONING_PARSER: booleanFlag(true),
  SIM_EMULATE_VERSION: z
    .string()
    .regex(/^\d+\.\d+\.\d+$/, "must be a vLLM version such as 0.16.0")
    .default("0.16.0"),
});

export type AppConfig = z.infer<typeof envSchema>;
