const WIDTH = 320;
const HEIGHT = 80;

/** A small SVG line chart; values are plotted oldest to newest, scaled to their own maximum. */
export function LineChart({ values, label, unit }: { values: number[]; label: string; unit: string }) {
  const max = Math.max(1, ...values);
  const step = values.length > 1 ? WIDTH / (values.length - 1) : WIDTH;
  const points = values
    .map((value, index) => `${index * step},${HEIGHT - (value / max) * (HEIGHT - 4) - 2}`)
    .join(" ");
  return (
    <figure>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className="h-20 w-full max-w-80 rounded bg-zinc-50 dark:bg-zinc-900"
        role="img"
        aria-label={`${label}: ${values.length ? `latest ${Math.round(values.at(-1) ?? 0)} ${unit}, max ${Math.round(max)} ${unit}` : "no data"}`}
      >
        {values.length > 0 && <polyline points={points} fill="none" stroke="#6366f1" strokeWidth="2" />}
      </svg>
      <figcaption className="mt-0.5 text-xs text-zinc-500">
        {label} (max {Math.round(max)} {unit})
      </figcaption>
    </figure>
  );
}
