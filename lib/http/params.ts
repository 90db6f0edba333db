import "server-only";
import type { z } from "zod";
import { AppError } from "@/lib/errors";

/** Validates a dynamic route's params (they come from the URL, so from outside). */
export async function parseParams<Schema extends z.ZodType>(
  params: Promise<unknown>,
  schema: Schema,
): Promise<z.infer<Schema>> {
  const parsed = schema.safeParse(await params);
  if (!parsed.success) throw new AppError("not_found", "There is nothing at this address.");
  return parsed.data;
}
