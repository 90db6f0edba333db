/**
 * The deployment doctor on the command line:
 *   npm run doctor -- --url http://host:8000/v1 [--api-key K] [--model M] [--burst N] [--timeout S] [--json]
 * Exit code 0 when no check failed, 1 when one did, 2 on bad usage.
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import {
  DEFAULT_BURST,
  DEFAULT_TIMEOUT_MS,
  type DoctorOptions,
  doctorOptionsSchema,
  formatReport,
  runDoctor,
} from "../lib/doctor";

const USAGE = `Usage: npm run doctor -- --url http://host:8000/v1 [options]

Checks a vLLM deployment of DeepSeek-R1 (health, model, reasoning parser, chat template, sampling
defaults, latency, stream buffering, behaviour under a burst) and says how to fix what it finds.

  --url <url>        OpenAI base URL of the server, ending in /v1 (required)
  --api-key <key>    bearer token, when vLLM runs with --api-key
  --model <id>       served model to check (default: the first one /v1/models lists)
  --burst <n>        concurrent requests in the burst check (default ${DEFAULT_BURST})
  --timeout <s>      time limit for the whole run in seconds (default ${DEFAULT_TIMEOUT_MS / 1000})
  --json             print the report as JSON
  --help

Exit code: 0 when no check failed, 1 when one did, 2 on bad usage.`;

const numberFlag = z
  .string()
  .regex(/^\d+(\.\d+)?$/, "must be a number")
  .transform(Number)
  .optional();

const argsSchema = z.object({
  url: z.string({ error: "is required" }),
  "api-key": z.string().optional(),
  model: z.string().optional(),
  burst: numberFlag,
  timeout: numberFlag,
  json: z.boolean().default(false),
  help: z.boolean().default(false),
});

/** Library option → the flag that sets it, for error messages. */
const FLAG_OF: Record<string, string> = {
  baseURL: "url",
  apiKey: "api-key",
  model: "model",
  burst: "burst",
  timeoutMs: "timeout",
};

function usageError(message: string): never {
  console.error(`doctor: ${message}\nRun with --help for usage.`);
  process.exit(2);
}

const describeIssues = (issues: z.core.$ZodIssue[], flagOf: (key: string) => string) =>
  issues.map((issue) => `--${flagOf(String(issue.path[0] ?? ""))} ${issue.message}`).join("\n");

function parseCommandLine(argv: string[]): { options: DoctorOptions; json: boolean } {
  let values: Record<string, unknown>;
  try {
    values = parseArgs({
      args: argv,
      strict: true,
      options: {
        url: { type: "string" },
        "api-key": { type: "string" },
        model: { type: "string" },
        burst: { type: "string" },
        timeout: { type: "string" },
        json: { type: "boolean" },
        help: { type: "boolean" },
      },
    }).values;
  } catch (error) {
    usageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const args = argsSchema.safeParse(values);
  if (!args.success) usageError(describeIssues(args.error.issues, (key) => key));
  const { url, model, burst, timeout, json } = args.data;
  const options = {
    baseURL: url,
    apiKey: args.data["api-key"],
    model,
    burst,
    timeoutMs: timeout === undefined ? undefined : timeout * 1000,
  };
  const checked = doctorOptionsSchema.safeParse(options);
  if (!checked.success) usageError(describeIssues(checked.error.issues, (key) => FLAG_OF[key] ?? key));
  return { options, json };
}

async function main(): Promise<void> {
  const { options, json } = parseCommandLine(process.argv.slice(2));
  const report = await runDoctor(options);
  const color = process.stdout.isTTY && !process.env.NO_COLOR;
  const width = Math.min(Math.max(process.stdout.columns ?? 100, 60), 120);
  console.log(json ? JSON.stringify(report, null, 2) : formatReport(report, { color, width }));
  process.exitCode = report.passed ? 0 : 1;
}

main().catch((error: unknown) => {
  console.error(`doctor: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
