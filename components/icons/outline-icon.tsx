import type { ReactNode } from "react";

/**
 * A 24-unit outline drawn in the text's colour: icons are drawn inline, not emoji or rare arrows, so they
 * show the same on every system whatever its fonts.
 */
export function OutlineIcon({
  className = "h-4 w-4",
  strokeWidth = 2,
  children,
}: {
  className?: string;
  strokeWidth?: number;
  children: ReactNode;
}) {
  return (
    <svg
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={strokeWidth}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      className={className}
    >
      {children}
    </svg>
  );
}
