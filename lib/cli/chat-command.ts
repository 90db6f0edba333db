import { z } from "zod";
import type { CommandSpec } from "./args";
import { httpUrlSchema, upstreamFlags, upstreamFlagsUsage, upstreamOptionsShape } from "./upstream-options";

/** Flags that pick the model server, which the BFF does on its own. */
const DIRECT_ONLY = ["url", "apiKey", "model", "reasoningMode", "forceThinkPrefix"] as const;

const chatOptionsSchema = z
  .object({
    positionals: z.array(z.string()),
    bff: httpUrlSchema.optional(),
    ...upstreamOptionsShape,
    persona: z.string().trim().min(1, "must not be empty").optional(),
    temperature: z.coerce
      .number({ error: "must be a number" })
      .min(0, "must be between 0 and 2")
      .max(2, "must be between 0 and 2")
      .optional(),
    reasoning: z.boolean().default(true),
    quiet: z.boolean().default(false),
  })
  .superRefine((options, context) => {
    if (!options.bff) return;
    for (const field of DIRECT_ONLY) {
      if (options[field] === undefined) continue;
      context.addIssue({
        code: "custom",
        path: [field],
        message: "cannot be combined with --bff (the BFF chooses its model server)",
      });
    }
  })
  .transform(({ positionals, ...options }) => ({
    ...options,
    /** Undefined: interactive mode. */
    question: positionals.join(" ").trim() || undefined,
  }));

export const chatCommand: CommandSpec<typeof chatOptionsSchema> = {
  flags: {
    ...upstreamFlags,
    bff: { type: "string" },
    persona: { type: "string" },
    temperature: { type: "string" },
    reasoning: { type: "boolean" },
    quiet: { type: "boolean", short: "q" },
  },
  allowPositionals: true,
  schema: chatOptionsSchema,
};

export const chatUsage = `Usage: npm run chat -- [flags] ["question"]

Asks DeepSeek-R1 one question, or with no question opens an interactive chat (/reset, /exit;
Ctrl+C stops an answer, then quits). Reasoning is shown dimmed before the answer; a timing line follows.

  --bff <url>               stream through the r1-chat BFF (e.g. http://localhost:3000) instead of
                            calling the model server; keeps the BFF's owner cookie across turns
${upstreamFlagsUsage}
  --persona <text>          instructions for the model (folded into the first question, as R1 wants)
  --temperature <t>         sampling temperature (the R1 rules keep it within 0.5–0.7)
  --no-reasoning            hide the reasoning
  -q, --quiet               do not list the R1 rules applied
  -h, --help

Colour is off when the output is not a terminal or NO_COLOR is set.`;
