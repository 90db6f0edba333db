import { OutlineIcon } from "@/components/icons/outline-icon";

/** Outlines for the conversation actions. */
const OUTLINES = {
  share: "M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1",
  rename: "M4 20h4L19 9l-4-4L4 16zm9.5-13.5 4 4",
  delete: "M4 7h16M10 11v6m4-6v6M6 7l1 13h10l1-13M9 7V4h6v3",
};

export function ItemIcon({ name }: { name: keyof typeof OUTLINES }) {
  return (
    <OutlineIcon>
      <path d={OUTLINES[name]} />
    </OutlineIcon>
  );
}
