import { OutlineIcon } from "@/components/icons/outline-icon";

export function StopwatchIcon({ className }: { className?: string }) {
  return (
    <OutlineIcon className={className}>
      <circle cx="12" cy="13" r="8" />
      <path d="M12 13V9M10 2h4M19 6l-1.5 1.5" />
    </OutlineIcon>
  );
}
