"use client";

import { useEffect, useRef } from "react";

const WIDTH = 240;
const HEIGHT = 40;

/** Inter-chunk gaps as a small bar chart on a canvas, drawn in an animation frame, off the stream's path. */
export function GapSparkline({
  gapsMs,
  thresholdMs,
  label,
}: {
  gapsMs: number[];
  thresholdMs: number;
  label: string;
}) {
  const canvasRef = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      const canvas = canvasRef.current;
      const context = canvas?.getContext("2d");
      if (!canvas || !context) return;
      const ratio = window.devicePixelRatio || 1;
      canvas.width = WIDTH * ratio;
      canvas.height = HEIGHT * ratio;
      context.scale(ratio, ratio);
      context.clearRect(0, 0, WIDTH, HEIGHT);
      const ceiling = Math.max(thresholdMs * 1.2, ...gapsMs);
      const barWidth = WIDTH / Math.max(gapsMs.length, 60);
      gapsMs.forEach((gap, index) => {
        const height = Math.max(1, (gap / ceiling) * HEIGHT);
        context.fillStyle = gap > thresholdMs ? "#dc2626" : "#6366f1";
        context.fillRect(index * barWidth, HEIGHT - height, Math.max(1, barWidth - 1), height);
      });
      const thresholdY = HEIGHT - (thresholdMs / ceiling) * HEIGHT;
      context.fillStyle = "rgba(220, 38, 38, 0.4)";
      context.fillRect(0, thresholdY, WIDTH, 1);
    });
    return () => cancelAnimationFrame(frame);
  }, [gapsMs, thresholdMs]);

  return <canvas ref={canvasRef} role="img" aria-label={label} style={{ width: WIDTH, height: HEIGHT }} />;
}
