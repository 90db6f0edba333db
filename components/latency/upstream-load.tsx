"use client";

import { useEffect, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import type { UpstreamLoad } from "@/lib/upstream/load";

const POLL_MS = 1_000;

/** vLLM's load as the BFF reads it from /metrics; polled only while an answer streams. */
export function UpstreamLoadFigures({ live }: { live: boolean }) {
  const { t } = useI18n();
  const [load, setLoad] = useState<UpstreamLoad | null | undefined>();

  useEffect(() => {
    let cancelled = false;
    const read = async () => {
      const response = await fetch("/api/upstream/load", { cache: "no-store" }).catch(() => undefined);
      const body = response?.ok ? ((await response.json()) as UpstreamLoad) : null;
      if (!cancelled) setLoad(body);
    };
    void read();
    if (!live)
      return () => {
        cancelled = true;
      };
    const timer = setInterval(() => void read(), POLL_MS);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [live]);

  if (load === undefined) return null;
  if (load === null) return <p className="text-zinc-500">{t.latency.loadUnavailable}</p>;
  const ms = (seconds?: number) => (seconds === undefined ? "–" : `${Math.round(seconds * 1000)}`);
  return (
    <dl data-testid="upstream-load" className="grid grid-cols-2 gap-x-3 gap-y-0.5">
      <dt>{t.latency.running}</dt>
      <dd data-testid="upstream-running">{load.running ?? "–"}</dd>
      <dt>{t.latency.waitingRequests}</dt>
      <dd>{load.waiting ?? "–"}</dd>
      <dt>{t.latency.kvCache}</dt>
      <dd>{load.kvCacheUsage === undefined ? "–" : `${(load.kvCacheUsage * 100).toFixed(1)} %`}</dd>
      <dt>{t.latency.serverTtft}</dt>
      <dd>
        {ms(load.ttftSeconds.p50)} / {ms(load.ttftSeconds.p95)} ms
      </dd>
      <dt>{t.latency.serverItl}</dt>
      <dd>
        {ms(load.interTokenSeconds.p50)} / {ms(load.interTokenSeconds.p95)} ms
      </dd>
    </dl>
  );
}
