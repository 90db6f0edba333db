/**
 * Stands in for a formula that is still streaming in or, complete, being typeset. It stays still: a pulse
 * would have the browser render every frame for as long as the formula is being typed.
 */
export function PendingMath({
  display = false,
  state = "streaming",
}: {
  display?: boolean;
  state?: "streaming" | "typesetting";
}) {
  const look =
    "rounded bg-zinc-100 px-2 font-serif text-sm text-zinc-500 italic dark:bg-zinc-800 dark:text-zinc-400";
  return display ? (
    <div
      aria-hidden="true"
      data-testid="pending-math"
      data-state={state}
      className="my-2 flex justify-center"
    >
      <span className={look}>∑…</span>
    </div>
  ) : (
    <span aria-hidden="true" data-testid="pending-math" data-state={state} className={`inline-block ${look}`}>
      ∑…
    </span>
  );
}
