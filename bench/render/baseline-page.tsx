/**
 * The benchmark's baseline, bundled by esbuild and served by the benchmark itself (no app route): the same
 * tokens at the same rate, shown the naive way. Every update normalises the whole answer and renders it with
 * one react-markdown + remark-math + rehype-katex pass, so every formula is typeset again each time.
 */
import { useEffect, useRef, useState } from "react";
import { createRoot } from "react-dom/client";
import ReactMarkdown from "react-markdown";
import rehypeKatex from "rehype-katex";
import remarkGfm from "remark-gfm";
import remarkMath from "remark-math";
import { normalizeMath } from "../../lib/markdown/normalize-math";
import type { StreamPlan } from "./stream-plan";

/**
 * How often the naive page re-renders: what useChat with a 32 ms experimental_throttle would hand it. A
 * naive page has no smooth-text pacing of its own (the chat page reveals text 12 times a second).
 */
const THROTTLE_MS = 32;

interface Shown {
  reasoning: string;
  answer: string;
  answering: boolean;
}

declare global {
  interface Window {
    /** Called by the benchmark: streams the plan at `tokensPerSecond`; resolves when all is shown. */
    startBaselineStream?: (tokensPerSecond: number) => Promise<void>;
  }
}

function Baseline({ plan }: { plan: StreamPlan }) {
  const [shown, setShown] = useState<Shown>({ reasoning: "", answer: "", answering: false });
  const scroller = useRef<HTMLDivElement>(null);

  useEffect(() => {
    window.startBaselineStream = (tokensPerSecond) =>
      new Promise((resolve) => {
        const startedAt = performance.now();
        const tick = () => {
          const due = Math.min(
            plan.tokens.length,
            Math.floor(((performance.now() - startedAt) * tokensPerSecond) / 1000),
          );
          const reasoning = plan.tokens.slice(0, Math.min(due, plan.reasoningTokens)).join("");
          const answering = due > plan.reasoningTokens;
          const answer = plan.tokens
            .slice(plan.reasoningTokens + 1, due)
            .join("")
            .trimStart();
          setShown({ reasoning, answer, answering });
          if (due < plan.tokens.length) setTimeout(tick, THROTTLE_MS);
          else resolve();
        };
        tick();
      });
  }, [plan]);

  // As the chat page does: follow the stream, which forces a layout on every update.
  useEffect(() => {
    const element = scroller.current;
    if (element) element.scrollTop = element.scrollHeight;
  });

  return (
    <div ref={scroller} style={{ height: "100vh", overflowY: "auto" }}>
      <div style={{ maxWidth: "48rem", margin: "0 auto", padding: "1.5rem 1rem", lineHeight: 1.75 }}>
        <details open={!shown.answering}>
          <summary>Thinking</summary>
          <div style={{ whiteSpace: "pre-wrap", fontSize: "0.875rem" }}>{shown.reasoning}</div>
        </details>
        {shown.answer && (
          <div data-testid="answer">
            <ReactMarkdown remarkPlugins={[remarkGfm, remarkMath]} rehypePlugins={[rehypeKatex]}>
              {normalizeMath(shown.answer)}
            </ReactMarkdown>
          </div>
        )}
      </div>
    </div>
  );
}

const plan: StreamPlan = await (await fetch("/plan.json")).json();
const root = document.getElementById("root");
if (root) createRoot(root).render(<Baseline plan={plan} />);
