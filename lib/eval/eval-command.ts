import { z } from "zod";
import type { CommandSpec } from "@/lib/cli/args";
import {
  positiveIntSchema,
  upstreamFlags,
  upstreamFlagsUsage,
  upstreamOptionsShape,
} from "@/lib/cli/upstream-options";
import type { EvalMode } from "./runner";

const evalOptionsSchema = z
  .object({
    ...upstreamOptionsShape,
    runs: positiveIntSchema.max(100, "must be at most 100").default(5),
    concurrency: positiveIntSchema.max(256, "must be at most 256").default(4),
    timeout: z.coerce
      .number({ error: "must be a number of seconds" })
      .positive("must be a positive number of seconds")
      .default(600),
    json: z.boolean().default(false),
    out: z.string().min(1, "must name a file").optional(),
    r1Rules: z.boolean().default(true),
    compare: z.boolean().default(false),
  })
  .superRefine((options, context) => {
    if (options.compare && !options.r1Rules) {
      context.addIssue({
        code: "custom",
        path: ["compare"],
        message: "already runs with and without the R1 rules; drop --no-r1-rules",
      });
    }
  })
  .transform(({ r1Rules, compare, ...options }) => {
    const modes: EvalMode[] = compare ? ["r1-rules", "raw"] : [r1Rules ? "r1-rules" : "raw"];
    return { ...options, modes };
  });

export const evalCommand: CommandSpec<typeof evalOptionsSchema> = {
  flags: {
    ...upstreamFlags,
    runs: { type: "string" },
    concurrency: { type: "string" },
    timeout: { type: "string" },
    json: { type: "boolean" },
    out: { type: "string" },
    "r1-rules": { type: "boolean" },
    compare: { type: "boolean" },
  },
  allowPositionals: false,
  schema: evalOptionsSchema,
};

export const evalUsage = `Usage: npm run eval -- [flags]

Runs the built-in maths problems several times (DeepSeek: judge R1 over several runs and average),
grades each final \\boxed{} answer, and reports accuracy (mean ± sample std over runs) and latency.

${upstreamFlagsUsage}
  --runs <n>                runs per problem (default 5)
  --concurrency <n>         requests in flight (default 4)
  --timeout <seconds>       per answer (default 600)
  --no-r1-rules             send the bare question with the server's default sampling
  --compare                 run with and without the R1 rules, side by side
  --json                    print the report as JSON instead of tables
  --out <file>              also write the JSON report to a file
  -h, --help

Against the built-in simulator (no --url, no VLLM_BASE_URL) answers are simulated and fast.`;
