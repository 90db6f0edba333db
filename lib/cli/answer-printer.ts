import type { AnswerEvent } from "./answer-events";
import { AnswerTimer, formatTiming } from "./answer-timer";
import type { Style } from "./style";

export interface TextSink {
  write(text: string): unknown;
}

export interface PrintOptions {
  style: Style;
  /** Reasoning and answer: what a pipe should capture. */
  out: TextSink;
  /** Rules, notices, errors and the timing line. */
  err: TextSink;
  showReasoning: boolean;
  showRules: boolean;
}

export interface PrintedAnswer {
  stopped: boolean;
  error?: string;
}

const CLEAR_LINE = "\r\x1b[K";

/** Prints an answer as it streams (reasoning grey, then the answer) and ends with the timing line. */
export async function printAnswer(
  events: AsyncIterable<AnswerEvent>,
  signal: AbortSignal,
  { style, out, err, showReasoning, showRules }: PrintOptions,
): Promise<PrintedAnswer> {
  const timer = new AnswerTimer();
  let phase: "waiting" | "reasoning" | "answer" = "waiting";
  let error: string | undefined;
  let cutOff = false;
  let atLineStart = true;
  let thinkingHintShown = false;
  const write = (text: string) => {
    if (!text) return;
    out.write(text);
    atLineStart = text.endsWith("\n");
  };
  const endLine = () => {
    if (!atLineStart) write("\n");
  };

  for await (const event of events) {
    timer.observe(event);
    switch (event.type) {
      case "rules": {
        const rules = event.rules.map((rule) => rule.detail).join(" · ");
        if (showRules) err.write(`${style.dim(`R1 rules: ${rules}`)}\n`);
        break;
      }
      case "reasoning":
        if (showReasoning) {
          if (phase === "waiting") write(`${style.dim("── reasoning ──")}\n`);
          write(style.grey(event.text));
        } else if (style.enabled && !thinkingHintShown) {
          // Hidden reasoning can take a long while; a transient hint says the model is at work.
          err.write(style.dim("thinking…"));
          thinkingHintShown = true;
        }
        if (phase === "waiting") phase = "reasoning";
        break;
      case "answer": {
        // R1 opens its answer with the blank line that followed </think>; the header already separates it.
        const text = phase === "answer" ? event.text : event.text.replace(/^\s+/, "");
        if (!text) break;
        if (phase !== "answer") {
          if (thinkingHintShown) err.write(CLEAR_LINE);
          if (showReasoning) {
            endLine();
            write(`${style.dim("── answer ──")}\n`);
          }
          phase = "answer";
        }
        write(text);
        break;
      }
      case "error":
        error = event.message;
        break;
      case "finish":
        cutOff = event.finishReason === "length";
        break;
    }
  }
  if (thinkingHintShown && phase !== "answer") err.write(CLEAR_LINE);
  endLine();

  const timing = timer.finish();
  const stopped = signal.aborted;
  if (stopped) err.write(`${style.yellow("(stopped)")}\n`);
  if (cutOff) err.write(`${style.yellow("(cut off: the answer reached max_tokens)")}\n`);
  if (error) err.write(`${style.red(error)}\n`);
  err.write(`${style.dim(formatTiming(timing))}\n`);
  return { stopped, error };
}
