import { useEffect, useRef, useState } from "react";
import { clusterEnd } from "./cluster-boundary";
import { TextPacer } from "./text-pacer";

const WHOLE_TEXT = Number.POSITIVE_INFINITY;
/**
 * Text is revealed at most this many times a second (every fifth 60 Hz frame): still an even flow to
 * read, and a fifth of the renders (markdown, layout, paint) of revealing on every frame. Each reveal of
 * a long answer costs a few milliseconds, so this rate sets most of what streaming costs the page
 * (see bench/render).
 */
export const UPDATES_PER_SECOND = 12;
/** Frames arrive with jitter; one a little early still counts, or a 60 Hz display would skip one more. */
const FRAME_JITTER_MS = 4;

/**
 * `text` as the reader should see it: while `streaming` and `enabled`, revealed at an even pace by a
 * TextPacer on animation frames (at most UPDATES_PER_SECOND of them); otherwise (and on the server) the
 * whole text at once. The component re-renders only on frames where more text shows.
 */
export function useSmoothText(text: string, streaming: boolean, enabled: boolean): string {
  const pacing = streaming && enabled;
  const [visibleLength, setVisibleLength] = useState(WHOLE_TEXT);
  const pacerRef = useRef<TextPacer | null>(null);
  const latestText = useRef(text);

  // Declared before the pacing effect so that one sees the latest text when both run in the same commit.
  useEffect(() => {
    latestText.current = text;
    pacerRef.current?.push(text, performance.now());
  }, [text]);

  useEffect(() => {
    if (!pacing) return;
    const pacer = new TextPacer();
    // Text already there when pacing starts (mounted mid-stream, smooth text just switched on) stays shown.
    pacer.push(latestText.current, performance.now());
    pacer.flush();
    pacerRef.current = pacer;
    let shownAtMs = Number.NEGATIVE_INFINITY;
    let frameId = requestAnimationFrame(function showFrame(nowMs) {
      if (nowMs - shownAtMs >= 1000 / UPDATES_PER_SECOND - FRAME_JITTER_MS) {
        shownAtMs = nowMs;
        setVisibleLength(pacer.frame(nowMs));
      }
      frameId = requestAnimationFrame(showFrame);
    });
    return () => {
      cancelAnimationFrame(frameId);
      pacerRef.current = null;
      setVisibleLength(WHOLE_TEXT);
    };
  }, [pacing]);

  // Snapped again because for one render after an edit `text` may be newer than the pacer's.
  return pacing ? text.slice(0, clusterEnd(text, visibleLength)) : text;
}
