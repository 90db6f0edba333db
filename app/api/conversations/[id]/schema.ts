import { z } from "zod";

export const renameSchema = z.object({
  title: z.string().trim().min(1, "the title is empty").max(200, "the title must be at most 200 characters"),
});
