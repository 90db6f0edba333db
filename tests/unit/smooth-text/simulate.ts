import { TextPacer, type TextPacerOptions } from "@/lib/smooth-text/text-pacer";
import { mulberry32 } from "@/lib/vllm-sim/prng";

export const FRAME_MS = 1000 / 60;

export interface Chunk {
  atMs: number;
  text: string;
}

export interface FrameRecord {
  atMs: number;
  visible: number;
  /** Length of the text that had arrived by this frame. */
  arrived: number;
}

/** Feeds `chunks` to a pacer and samples it at 60 fps until everything is shown. */
export function simulate(
  chunks: Chunk[],
  options?: TextPacerOptions,
): { frames: FrameRecord[]; text: string } {
  const pacer = new TextPacer(options);
  const frames: FrameRecord[] = [];
  let text = "";
  let next = 0;
  for (let frame = 0; ; frame++) {
    const atMs = frame * FRAME_MS;
    while (next < chunks.length && (chunks[next]?.atMs ?? 0) <= atMs) {
      const chunk = chunks[next++] as Chunk;
      text += chunk.text;
      pacer.push(text, chunk.atMs);
    }
    const visible = pacer.frame(atMs);
    frames.push({ atMs, visible, arrived: text.length });
    if (next === chunks.length && visible === text.length) return { frames, text };
  }
}

/** Length of the text that had arrived by `atMs`. */
export function arrivedBy(chunks: Chunk[], atMs: number): number {
  let length = 0;
  for (const chunk of chunks) if (chunk.atMs <= atMs) length += chunk.text.length;
  return length;
}

/** Chunks of 1–`maxChunk` characters at gaps of `minGapMs`–`maxGapMs`, like vLLM behind a buffering proxy. */
export function lumpyStream(options: {
  seed: number;
  totalChars: number;
  maxChunk: number;
  minGapMs: number;
  maxGapMs: number;
  startMs?: number;
}): Chunk[] {
  // Seeded, so the lumpy streams are the same on every run.
  const random = mulberry32(options.seed);
  const chunks: Chunk[] = [];
  let atMs = options.startMs ?? 0;
  let written = 0;
  while (written < options.totalChars) {
    const size = Math.min(options.totalChars - written, 1 + Math.floor(random() * options.maxChunk));
    chunks.push({ atMs, text: "x".repeat(size) });
    written += size;
    atMs += options.minGapMs + random() * (options.maxGapMs - options.minGapMs);
  }
  return chunks;
}

/** Characters shown per frame, over the frames between `fromMs` and `toMs`. */
export function stepsBetween(frames: FrameRecord[], fromMs: number, toMs: number): number[] {
  const steps: number[] = [];
  for (let i = 1; i < frames.length; i++) {
    const frame = frames[i] as FrameRecord;
    if (frame.atMs >= fromMs && frame.atMs <= toMs)
      steps.push(frame.visible - (frames[i - 1] as FrameRecord).visible);
  }
  return steps;
}

export function coefficientOfVariation(values: number[]): number {
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length;
  return Math.sqrt(variance) / mean;
}
