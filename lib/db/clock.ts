import "server-only";

let last = 0;

/**
 * The current time as an ISO string, strictly increasing within the process: writes in the same
 * millisecond still sort in the order they happened (conversation lists order by these).
 */
export function nextTimestamp(): string {
  last = Math.max(Date.now(), last + 1);
  return new Date(last).toISOString();
}
