"use client";

import { useEffect, useState, useSyncExternalStore } from "react";
import { type BrowserTiming, browserTimings } from "@/lib/timing/browser-timings";

/** Redraws at most this often while an answer streams: the overlay must not slow the stream down. */
const REFRESH_MS = 250;

const ignoreChanges = () => () => {};

/**
 * The browser's arrival figures for one answer, refreshed a few times a second while it streams. Arrivals
 * change the figures on every chunk; while `live` the timer alone redraws, so chunks never re-render the
 * overlay, and a change after that (the stream's end) still shows.
 */
export function useBrowserTiming(messageId: string | undefined, live: boolean): BrowserTiming | undefined {
  const version = useSyncExternalStore(
    live ? ignoreChanges : browserTimings.subscribe,
    browserTimings.getVersion,
    () => 0,
  );
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!live) return;
    const timer = setInterval(() => setTick((value) => value + 1), REFRESH_MS);
    return () => clearInterval(timer);
  }, [live]);
  // `version` and `tick` only schedule re-renders; the figures are read fresh each time.
  void version;
  void tick;
  return messageId ? browserTimings.get(messageId, performance.now()) : undefined;
}
