/**
 * Command line for the vLLM simulator:
 *   node --import tsx lib/vllm-sim/cli.ts --port 8000 --emulate-version 0.11.2 --no-reasoning-parser
 * Every scalar option of `simOptionsSchema` is a kebab-case flag; `scriptedResponse` is read from
 * the JSON file named by `--scripted-response-file`.
 */
import { type ParseArgsConfig, parseArgs } from "node:util";
import type { z } from "zod";
import { FAULT_GRAMMAR } from "./faults";
import { simOptionsObjectSchema, simOptionsSchema } from "./options";
import { loadScriptedResponse } from "./scripted-response";
import { serveSimulator } from "./server";

type FlagKind = "string" | "number" | "boolean";

const SCRIPTED_RESPONSE_FLAG = "scripted-response-file";

interface Flag {
  option: string;
  kind: FlagKind;
  defaultValue: unknown;
}

const kebabCase = (name: string) => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

/**
 * Reads the flag type and default off the zod schema, so the CLI cannot drift from the options.
 * Objects have no flag of their own (null).
 */
function flagFor(option: string, schema: z.ZodType): Flag | null {
  let inner = schema;
  let defaultValue: unknown;
  while (inner.def.type === "default" || inner.def.type === "optional") {
    const def = inner.def as unknown as { innerType: z.ZodType; defaultValue?: unknown };
    if (inner.def.type === "default") defaultValue = def.defaultValue;
    inner = def.innerType;
  }
  const type = inner.def.type;
  if (type === "object") return null;
  const kind: FlagKind = type === "number" || type === "boolean" ? type : "string";
  return { option, kind, defaultValue };
}

const FLAGS = new Map<string, Flag>(
  Object.entries(simOptionsObjectSchema.shape).flatMap(([option, schema]) => {
    const flag = flagFor(option, schema as z.ZodType);
    return flag ? [[kebabCase(option), flag]] : [];
  }),
);

function usage(): string {
  const rows = [...FLAGS].map(([flag, { kind, defaultValue }]) => {
    const value = kind === "boolean" ? "" : ` <${kind}>`;
    const shown = defaultValue === undefined ? "" : ` (default ${JSON.stringify(defaultValue)})`;
    return `  --${flag}${value}${kind === "boolean" ? ` | --no-${flag}` : ""}${shown}`;
  });
  return [
    "Usage: node --import tsx lib/vllm-sim/cli.ts [flags]",
    "",
    ...rows,
    `  --${SCRIPTED_RESPONSE_FLAG} <file>   answer every request with { "reasoning", "answer" } from a JSON file`,
    "  --help",
    "",
    `--default-fault and the x-sim-fault request header take ${FAULT_GRAMMAR}.`,
  ].join("\n");
}

function parseOptions(argv: string[]): unknown {
  const config: ParseArgsConfig["options"] = {
    help: { type: "boolean" },
    [SCRIPTED_RESPONSE_FLAG]: { type: "string" },
  };
  for (const [flag, { kind }] of FLAGS) config[flag] = { type: kind === "boolean" ? "boolean" : "string" };
  const { values } = parseArgs({ args: argv, options: config, strict: true, allowNegative: true });
  if (values.help) {
    console.log(usage());
    process.exit(0);
  }
  const input: Record<string, unknown> = {};
  for (const [flag, value] of Object.entries(values)) {
    const known = FLAGS.get(flag);
    if (!known || value === undefined) continue;
    input[known.option] = known.kind === "number" ? Number(value) : value;
  }
  const scriptFile = values[SCRIPTED_RESPONSE_FLAG];
  if (typeof scriptFile === "string") input.scriptedResponse = loadScriptedResponse(scriptFile);
  return input;
}

function fail(message: string): never {
  console.error(`vllm-sim: ${message}\nRun with --help to list the flags.`);
  process.exit(2);
}

async function main(): Promise<void> {
  let input: unknown;
  try {
    input = parseOptions(process.argv.slice(2));
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  const parsed = simOptionsSchema.safeParse(input);
  if (!parsed.success) {
    fail(
      parsed.error.issues
        .map((issue) => `--${kebabCase(String(issue.path[0] ?? ""))}: ${issue.message}`)
        .join("\n"),
    );
  }
  const server = await serveSimulator(parsed.data);
  console.log(`vllm-sim listening on ${server.url} (emulating vLLM ${server.options.emulateVersion})`);
  const shutdown = () => {
    server.close().then(() => process.exit(0));
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}

await main();
