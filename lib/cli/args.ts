import { type ParseArgsConfig, parseArgs } from "node:util";
import type { z } from "zod";

/** The command line (or the environment) is wrong: the CLI prints the message and exits with status 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

export const USAGE_EXIT_CODE = 2;

export type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig["options"]>;

export interface CommandSpec<Schema extends z.ZodType> {
  /** Flags by their kebab-case name, as node:util parseArgs takes them; `--help` is added. */
  flags: ParseArgsOptionsConfig;
  allowPositionals: boolean;
  /** Validates the flag values under camelCase names, plus `positionals`. */
  schema: Schema;
}

export type ParsedCommand<Options> = { help: true } | { help: false; options: Options };

const camelCase = (flag: string) => flag.replace(/-([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
const kebabCase = (name: string) => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

/** Parses and validates argv; every mistake becomes a UsageError that names the flag. */
export function parseCommandLine<Schema extends z.ZodType>(
  spec: CommandSpec<Schema>,
  argv: string[],
): ParsedCommand<z.output<Schema>> {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: argv,
      options: { ...spec.flags, help: { type: "boolean", short: "h" } },
      allowPositionals: spec.allowPositionals,
      allowNegative: true,
      strict: true,
    });
  } catch (error) {
    // parseArgs' own messages already name the flag ("Unknown option '--foo'").
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (parsed.values.help) return { help: true };

  const input: Record<string, unknown> = { positionals: parsed.positionals };
  for (const [flag, value] of Object.entries(parsed.values)) input[camelCase(flag)] = value;
  const result = spec.schema.safeParse(input);
  if (!result.success) throw new UsageError(describeIssues(result.error));
  return { help: false, options: result.data };
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const field = issue.path[0];
      if (field === undefined || field === "positionals") return issue.message;
      return `--${kebabCase(String(field))}: ${issue.message}`;
    })
    .join("\n");
}
