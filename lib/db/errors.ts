import "server-only";
import { AppError } from "@/lib/errors";

/** The configured database cannot be opened or reached; the message names the cause, never a password. */
export class DatabaseOpenError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "DatabaseOpenError";
  }
}

/** A client-chosen id collides with a stored one (possibly another owner's, which it does not reveal). */
export class DuplicateIdError extends AppError {
  constructor(kind: "conversation" | "message" | "share", id: string) {
    super("conflict", `A ${kind} with the id ${JSON.stringify(id)} already exists.`);
    this.name = "DuplicateIdError";
  }
}

/** The most useful line of a driver error, for messages that must stand on their own. */
export function describeCause(error: unknown): string {
  // Node's dual-stack connect reports refusals as an AggregateError whose own message is empty.
  if (error instanceof AggregateError && error.errors.length > 0) return describeCause(error.errors[0]);
  if (error instanceof Error) return error.message || (error as NodeJS.ErrnoException).code || error.name;
  return String(error);
}
