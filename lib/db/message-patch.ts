import "server-only";
import type { MessagePatch } from "./types";

export interface Assignment {
  column: "parts" | "metadata" | "state" | "error";
  /** JSON columns arrive serialised. */
  value: string | null;
  isJson: boolean;
}

type SerializeJson = (value: unknown) => string;

/** What an updateMessage patch sets; a key left out (undefined) keeps the stored value, null clears it. */
export function patchAssignments(
  patch: MessagePatch,
  serializeJson: SerializeJson = JSON.stringify,
): Assignment[] {
  const assignments: Assignment[] = [];
  if (patch.parts !== undefined) {
    assignments.push({ column: "parts", value: serializeJson(patch.parts), isJson: true });
  }
  if (patch.metadata !== undefined) {
    assignments.push({ column: "metadata", value: jsonOrNull(patch.metadata, serializeJson), isJson: true });
  }
  if (patch.state !== undefined) assignments.push({ column: "state", value: patch.state, isJson: false });
  if (patch.error !== undefined) assignments.push({ column: "error", value: patch.error, isJson: false });
  return assignments;
}

export function jsonOrNull(
  value: Record<string, unknown> | null | undefined,
  serializeJson: SerializeJson = JSON.stringify,
): string | null {
  return value == null ? null : serializeJson(value);
}
