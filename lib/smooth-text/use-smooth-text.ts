import { useEffect, useRef, useState } from "react";
import { clusterEnd } from "./cluster-boundary";
import { TextPacer } from "./text-pacer";

const WHOLE_TEXT = Number.POSITIVE_INFINITY;
/**
 * Text is revealed this many times a second: still an even flow to read, and a fifth of the renders
 * (markdown, layout, paint) of revealing on every 60 Hz frame. Each reveal of a long answer costs a few
 * milliseconds, so this rate sets much of what streaming costs the page (see bench/render).
 */
export const UPDATES_PER_SECOND = 12;

/**
 * `text` as the reader should see it: while `streaming` and `enabled`, revealed at an even pace by a
 * TextPacer UPDATES_PER_SECOND times a second; otherwise (and on the server) the whole text at once. The
 * component re-renders only when more text shows.
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
    // A timer, not an animation-frame loop: a loop would have the browser produce a frame (style, layout
    // checks, compositing) 60 times a second for the 12 that show anything.
    const timer = setInterval(
      () => setVisibleLength(pacer.frame(performance.now())),
      1000 / UPDATES_PER_SECOND,
    );
    return () => {
      clearInterval(timer);
      pacerRef.current = null;
      setVisibleLength(WHOLE_TEXT);
    };
  }, [pacing]);

  // Snapped again because for one render after an edit `text` may be newer than the pacer's.
  return pacing ? text.slice(0, clusterEnd(text, visibleLength)) : text;
}
