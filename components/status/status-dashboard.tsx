"use client";

import Link from "next/link";
import { type ReactNode, useEffect, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import type { StatusReport } from "@/lib/observability/status";
import { DoctorPanel } from "./doctor-panel";
import { LineChart } from "./line-chart";

const POLL_MS = 2_000;
const HISTORY = 90;

const ms = (value?: number) => (value === undefined ? "–" : `${Math.round(value)} ms`);

/** Live status of the model server and of this server's recent answers, refreshed every few seconds. */
export function StatusDashboard({ initial }: { initial: StatusReport }) {
  const { t } = useI18n();
  const [report, setReport] = useState(initial);
  const [loadHistory, setLoadHistory] = useState<{ running: number; waiting: number; kv: number }[]>([]);

  useEffect(() => {
    let cancelled = false;
    const poll = async () => {
      const response = await fetch("/api/status", { cache: "no-store" }).catch(() => undefined);
      if (cancelled || !response?.ok) return;
      const next = (await response.json()) as StatusReport;
      setReport(next);
      if (next.load) {
        const sample = {
          running: next.load.running ?? 0,
          waiting: next.load.waiting ?? 0,
          kv: (next.load.kvCacheUsage ?? 0) * 100,
        };
        setLoadHistory((history) => [...history.slice(-(HISTORY - 1)), sample]);
      }
    };
    const timer = setInterval(() => void poll(), POLL_MS);
    void poll();
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, []);

  const { health, load, recent } = report;
  return (
    <main className="mx-auto flex max-w-4xl flex-col gap-8 px-4 py-6">
      <header className="flex items-center justify-between">
        <h1 className="font-semibold text-xl">{t.status.title}</h1>
        <Link href="/" className="text-accent text-sm underline">
          {t.status.backToChat}
        </Link>
      </header>

      <Section title={t.status.upstream}>
        <dl data-testid="status-upstream" className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-zinc-500">{t.status.upstream}</dt>
          <dd data-testid="status-health" data-healthy={health.upstream.healthy}>
            {health.upstream.healthy ? t.status.healthy : t.status.unhealthy}
            {health.upstream.simulated && ` (${t.status.simulated})`}
            {health.upstream.error && ` — ${health.upstream.error}`}
          </dd>
          <dt className="text-zinc-500">{t.status.model}</dt>
          <dd data-testid="status-model">{health.upstream.model ?? "–"}</dd>
          <dt className="text-zinc-500">{t.status.contextLength}</dt>
          <dd data-testid="status-max-model-len">{health.upstream.maxModelLen?.toLocaleString() ?? "–"}</dd>
          <dt className="text-zinc-500">{t.status.version}</dt>
          <dd>{health.upstream.version ?? "–"}</dd>
          <dt className="text-zinc-500">{t.status.checkLatency}</dt>
          <dd>{ms(health.upstream.latencyMs)}</dd>
        </dl>
      </Section>

      <Section title={t.status.load}>
        {load ? (
          <div className="flex flex-col gap-3">
            <p data-testid="status-load" className="text-sm">
              {t.status.running} {load.running ?? "–"} · {t.status.waiting} {load.waiting ?? "–"} ·{" "}
              {t.status.kvCache}{" "}
              {load.kvCacheUsage === undefined ? "–" : `${(load.kvCacheUsage * 100).toFixed(1)} %`}
            </p>
            <div className="grid gap-4 sm:grid-cols-3">
              <LineChart
                values={loadHistory.map((sample) => sample.running)}
                label={t.status.running}
                unit=""
              />
              <LineChart
                values={loadHistory.map((sample) => sample.waiting)}
                label={t.status.waiting}
                unit=""
              />
              <LineChart values={loadHistory.map((sample) => sample.kv)} label={t.status.kvCache} unit="%" />
            </div>
          </div>
        ) : (
          <p className="text-sm">{t.status.loadUnavailable}</p>
        )}
      </Section>

      <Section title={t.status.recent}>
        {recent.answers.length === 0 ? (
          <p className="text-sm">{t.status.noAnswers}</p>
        ) : (
          <div className="flex flex-col gap-3">
            <p className="text-sm" data-testid="status-recent">
              {t.status.answers(recent.answers.length)} · {t.status.ttft}:{" "}
              {t.status.p50p95(ms(recent.ttftMs.p50), ms(recent.ttftMs.p95))} · {t.status.gapP95}:{" "}
              {t.status.p50p95(ms(recent.gapP95Ms.p50), ms(recent.gapP95Ms.p95))}
            </p>
            <div className="grid gap-4 sm:grid-cols-2">
              <LineChart
                values={recent.answers.map((answer) => answer.ttftMs ?? 0)}
                label={t.status.ttft}
                unit="ms"
              />
              <LineChart
                values={recent.answers.map((answer) => answer.gapP95Ms ?? 0)}
                label={t.status.gapP95}
                unit="ms"
              />
            </div>
          </div>
        )}
      </Section>

      <DoctorPanel />
    </main>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="flex flex-col gap-2">
      <h2 className="font-semibold">{title}</h2>
      {children}
    </section>
  );
}
