import "server-only";

const DEFAULT_LIST_LIMIT = 200;
const MAX_LIST_LIMIT = 1_000;

export function listLimit(requested: number | undefined): number {
  if (requested === undefined || !Number.isFinite(requested)) return DEFAULT_LIST_LIMIT;
  return Math.min(Math.max(Math.trunc(requested), 1), MAX_LIST_LIMIT);
}
