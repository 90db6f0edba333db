/** A stopwatch drawn inline, so it shows the same on every system whatever its emoji font. */
export function StopwatchIcon({ className = "h-4 w-4" }: { className?: string }) {
  return (
    <svg
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      aria-hidden="true"
      className={className}
    >
      <circle cx="12" cy="13" r="8" />
      <path d="M12 13V9M10 2h4M19 6l-1.5 1.5" />
    </svg>
  );
}
