import { z } from "zod";

export const shareOptionsSchema = z.object({
  /** Let link previews quote the first question (off unless the owner opts in). */
  showQuestion: z.boolean().optional(),
});
