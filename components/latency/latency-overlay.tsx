"use client";

import type { ReactNode } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import type { ChatMessage } from "@/lib/chat/chat-message";
import { chunkingVerdict, tokenRates } from "@/lib/timing/figures";
import { GapSparkline } from "./gap-sparkline";
import { UpstreamLoadFigures } from "./upstream-load";
import { useBrowserTiming } from "./use-browser-timing";

interface LatencyOverlayProps {
  /** The answer whose figures are shown: the streaming one, or one the user picked. */
  message: ChatMessage | undefined;
  live: boolean;
  onClose: () => void;
}

const ms = (value?: number) => (value === undefined ? "–" : `${Math.round(value)} ms`);
const seconds = (value?: number) => (value === undefined ? "–" : `${(value / 1000).toFixed(2)} s`);

/** Where the time of an answer goes, measured where it happens: BFF clock and browser clock, never mixed. */
export function LatencyOverlay({ message, live, onClose }: LatencyOverlayProps) {
  const { t } = useI18n();
  const bff = message?.metadata?.bffTiming;
  const browser = useBrowserTiming(message?.id, live) ?? message?.metadata?.browserTiming;
  const rates = bff ? tokenRates(bff, message?.metadata?.usage) : undefined;
  const verdict = chunkingVerdict(
    rates?.tokensPerChunk,
    browser && {
      chunks: browser.chunks.reasoning + browser.chunks.answer,
      reads: browser.reads,
      resumed: browser.resumed,
    },
  );
  const est = rates?.estimated ? ` (${t.latency.estimated})` : "";

  return (
    <section
      data-testid="latency-overlay"
      aria-label={t.latency.title}
      // Below the header's panels (z-20): opened over it, the settings and the persona show in full.
      className="fixed right-3 bottom-24 z-10 w-80 max-w-[calc(100vw-1.5rem)] rounded-xl border border-zinc-200 bg-white/95 p-3 text-xs shadow-lg backdrop-blur dark:border-zinc-700 dark:bg-zinc-900/95"
    >
      <header className="mb-2 flex items-center justify-between">
        <h2 className="font-semibold text-sm">{t.latency.title}</h2>
        <button
          type="button"
          onClick={onClose}
          aria-label={t.latency.close}
          className="rounded px-1.5 hover:bg-zinc-100 dark:hover:bg-zinc-800"
        >
          ✕
        </button>
      </header>
      {!bff && !browser ? (
        <p className="text-zinc-500">{t.latency.noAnswer}</p>
      ) : (
        <div className="flex flex-col gap-2">
          <Group title={t.latency.phases}>
            <Row label={t.latency.waiting} value={ms(bff?.phases.waitingMs)} testId="phase-waiting" />
            <Row label={t.latency.thinking} value={seconds(bff?.phases.thinkingMs)} testId="phase-thinking" />
            <Row
              label={t.latency.answering}
              value={seconds(bff?.phases.answeringMs)}
              testId="phase-answering"
            />
          </Group>
          <Group title={t.latency.ttft}>
            <Row label={t.latency.ttftBrowser} value={ms(browser?.ttftMs)} testId="ttft-browser" />
            <Row label={t.latency.ttftBff} value={ms(bff?.ttftMs)} testId="ttft-bff" />
            <Row
              label={t.latency.ttftDifference}
              value={
                browser?.ttftMs !== undefined && bff?.ttftMs !== undefined
                  ? ms(browser.ttftMs - bff.ttftMs)
                  : "–"
              }
            />
          </Group>
          <Group title={t.latency.tokensPerSecond}>
            <Row
              label={t.latency.thinking}
              value={rate(rates?.thinkingPerSecond) + est}
              testId="rate-thinking"
            />
            <Row
              label={t.latency.answering}
              value={rate(rates?.answerPerSecond) + est}
              testId="rate-answering"
            />
          </Group>
          {browser && (
            <Group title={t.latency.interToken}>
              <Row
                label="p50 / p95 / max"
                value={`${ms(browser.gaps.p50Ms)} / ${ms(browser.gaps.p95Ms)} / ${ms(browser.gaps.maxMs)}`}
                testId="itl-browser"
              />
              <p data-testid="stalls">
                {browser.stalls.count > 0
                  ? t.latency.stalls(browser.stalls.count, ms(browser.stalls.longestMs))
                  : t.latency.noStalls}
              </p>
              <GapSparkline
                gapsMs={browser.recentGapsMs}
                thresholdMs={browser.stalls.thresholdMs}
                label={t.latency.interToken}
              />
              {browser.resumed && <p className="text-zinc-500">{t.latency.resumed}</p>}
            </Group>
          )}
          <Group title={t.latency.chunking}>
            <p
              data-testid="chunking"
              data-verdict={verdict}
              className={verdict === "smooth" ? "" : "font-medium text-amber-700 dark:text-amber-300"}
            >
              {rates?.tokensPerChunk !== undefined &&
                `${t.latency.tokensPerChunk(rates.tokensPerChunk.toFixed(1))} · `}
              {verdict === "smooth"
                ? t.latency.smooth
                : verdict === "upstream-lumps"
                  ? t.latency.upstreamLumps
                  : t.latency.proxyBuffering}
            </p>
          </Group>
          <Group title={t.latency.upstreamLoad}>
            <UpstreamLoadFigures live={live} />
          </Group>
        </div>
      )}
    </section>
  );
}

function rate(value?: number): string {
  return value === undefined ? "–" : value.toFixed(0);
}

function Group({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div>
      <h3 className="mb-0.5 font-medium text-zinc-500 uppercase tracking-wide">{title}</h3>
      {children}
    </div>
  );
}

function Row({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div className="flex justify-between gap-2">
      <span className="text-zinc-600 dark:text-zinc-400">{label}</span>
      <span data-testid={testId} className="font-mono tabular-nums">
        {value}
      </span>
    </div>
  );
}
