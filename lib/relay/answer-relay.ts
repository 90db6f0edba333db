import "server-only";
import type { IncomingMessage } from "node:http";
import type { FinishReason, UIMessageChunk } from "ai";
import type { MessageMetadata } from "@/lib/chat/metadata";
import type { ChunkSource } from "@/lib/generation/hub";
import type { ReasoningMode } from "@/lib/r1/reasoning-middleware";
import { opensWithBlankLine, type SplitPiece, ThinkSplitter } from "@/lib/r1/think-splitter";
import type { ChunkKind } from "@/lib/timing/stream-timer";
import { DeadlineWatch, type UpstreamTimeouts } from "@/lib/upstream/timeouts";
import { type CompletionRequest, openCompletion } from "./open-completion";
import { parseVllmEvent, UpstreamProtocolError, type VllmUsage } from "./vllm-chunk";

/** What the answer's owner adds to the relayed stream: metadata, timing, error wording, bookkeeping. */
export interface RelayObserver {
  /** A reasoning or answer delta arrived at `now`; may return metadata to send right after it. */
  delta(kind: ChunkKind, now: number): MessageMetadata | undefined;
  finish(finishReason: FinishReason, usage: MessageMetadata["usage"], now: number): MessageMetadata;
  /** The human message for what ended or broke the stream. */
  error(error: unknown): string;
  /** Every chunk, as it goes out. */
  chunk?(chunk: UIMessageChunk): void;
  /** The stream is over, however it ended. */
  end(outcome: "complete" | "stopped" | "error"): void;
}

export interface RelayOptions extends Omit<CompletionRequest, "signal"> {
  messageId: string;
  startMetadata: MessageMetadata;
  /** Aborting it aborts the upstream request; the answer then ends with an `abort` chunk. */
  signal: AbortSignal;
  timeouts: UpstreamTimeouts;
  reasoning: ReasoningMode;
}

// The part ids the UI stream has always carried: the provider's for reasoning fields, our own for text
// split at an inline `</think>`.
const FIELD_REASONING = "reasoning-0";
const FIELD_TEXT = "txt-0";
const INLINE_REASONING = "r1-reasoning";
const INLINE_TEXT = "r1-text";

/**
 * Relays one vLLM chat completion as UI message chunks, pushed as each upstream read arrives: no web
 * stream, and no promise, between the model server's socket and the hub. The request goes out at once;
 * chunks produced before the returned source is started wait for it. Reasoning arrives as reasoning parts
 * whichever way vLLM sends it (see ReasoningMode); errors before, during and after the answer become
 * `error` chunks with human messages, and the timeouts of `timeouts` abort the upstream request.
 */
export function relayAnswer(options: RelayOptions, observer: RelayObserver): ChunkSource {
  const relay = new AnswerRelay(options, observer);
  return (sink) => relay.drainTo(sink);
}

class AnswerRelay {
  private readonly watch: DeadlineWatch;
  private readonly signal: AbortSignal;
  private response: IncomingMessage | undefined;
  private sink: ((chunk: UIMessageChunk) => void) | undefined;
  private waiting: UIMessageChunk[] = [];
  private readonly ended: Promise<void>;
  private resolveEnded!: () => void;
  private buffer = "";
  private eventData = "";
  private done = false;
  private outcome: "complete" | "stopped" | "error" = "complete";

  /** Which part is open, and under which id. */
  private openKind: "reasoning" | "text" | undefined;
  private openId = "";
  /** How reasoning is told from the answer; undecided in `auto` until the first output. */
  private route: "parser" | "inline" | undefined;
  private leadingWhitespace = "";
  private readonly splitter = new ThinkSplitter();
  private finishReason: string | undefined;
  private usage: VllmUsage;
  private upstreamError = false;

  constructor(
    private readonly options: RelayOptions,
    private readonly observer: RelayObserver,
  ) {
    this.route = options.reasoning === "auto" ? undefined : options.reasoning;
    this.watch = new DeadlineWatch(options.timeouts);
    this.ended = new Promise((resolve) => {
      this.resolveEnded = resolve;
    });
    this.signal = AbortSignal.any([options.signal, this.watch.signal]);
    this.send({ type: "start", messageId: options.messageId, messageMetadata: options.startMetadata });
    this.signal.addEventListener("abort", this.onAbort, { once: true });
    openCompletion({
      baseURL: options.baseURL,
      apiKey: options.apiKey,
      body: options.body,
      signal: this.signal,
    }).then(
      (response) => this.stream(response),
      (error: unknown) => this.fail(error),
    );
  }

  private readonly onAbort = () => this.fail(this.signal.reason);

  drainTo(sink: (chunk: UIMessageChunk) => void): Promise<void> {
    this.sink = sink;
    const waiting = this.waiting;
    this.waiting = [];
    for (const chunk of waiting) sink(chunk);
    return this.ended;
  }

  private stream(response: IncomingMessage): void {
    if (this.done) {
      response.destroy();
      return;
    }
    this.response = response;
    this.send({ type: "start-step" });
    response.on("data", (text: string) => {
      if (this.done) return;
      this.watch.seen(performance.now(), false);
      this.guarded(() => this.read(text, false));
    });
    response.on("end", () => {
      if (this.done) return;
      this.guarded(() => {
        this.read("", true);
        this.finish();
      });
    });
    // A cut connection closes the response before it is complete, with no 'end'.
    response.on("error", (error) => this.fail(error));
    response.on("close", () => {
      if (!response.complete) this.fail(Object.assign(new Error("terminated"), { code: "ECONNRESET" }));
    });
  }

  /** A protocol error thrown while reading an event ends the answer like any other failure. */
  private guarded(step: () => void): void {
    try {
      step();
    } catch (error) {
      this.fail(error);
    }
  }

  /** Splits decoded text into SSE lines; each blank line ends an event (vLLM sends one `data:` line each). */
  private read(text: string, last: boolean): void {
    let buffer = this.buffer + text;
    let lineStart = 0;
    for (let newline = buffer.indexOf("\n"); newline !== -1; newline = buffer.indexOf("\n", lineStart)) {
      let lineEnd = newline;
      if (lineEnd > lineStart && buffer.charCodeAt(lineEnd - 1) === 13) lineEnd--;
      this.line(buffer.slice(lineStart, lineEnd));
      lineStart = newline + 1;
    }
    buffer = buffer.slice(lineStart);
    if (last && buffer) {
      this.line(buffer);
      this.line("");
      buffer = "";
    }
    this.buffer = buffer;
  }

  private line(line: string): void {
    if (line === "") {
      const data = this.eventData;
      if (data === "") return;
      this.eventData = "";
      this.event(data);
      return;
    }
    if (!line.startsWith("data:")) return; // comments (`: keep-alive`) and fields vLLM never sends
    const value = line.charCodeAt(5) === 32 ? line.slice(6) : line.slice(5);
    this.eventData = this.eventData === "" ? value : `${this.eventData}\n${value}`;
  }

  private event(data: string): void {
    if (data === "[DONE]") return; // the body ends right after it
    const event = parseVllmEvent(data);
    if ("error" in event) {
      this.upstreamError = true;
      if (this.route === "inline") this.closeInline();
      this.sendError(event.error);
      return;
    }
    if (event.usage) this.usage = event.usage;
    const choice = event.choices[0];
    if (!choice) return;
    if (choice.finish_reason) this.finishReason = choice.finish_reason;
    const delta = choice.delta;
    if (!delta) return;
    const reasoning = delta.reasoning_content ?? delta.reasoning;
    if (reasoning) this.reasoningField(reasoning);
    if (delta.content) this.content(delta.content);
  }

  private reasoningField(delta: string): void {
    this.route ??= "parser";
    this.emit("reasoning", FIELD_REASONING, delta);
  }

  private content(delta: string): void {
    if (this.route === "parser") {
      this.emit("text", FIELD_TEXT, delta);
      return;
    }
    if (this.route === "inline") {
      this.emitPieces(this.splitter.push(delta));
      return;
    }
    const text = this.leadingWhitespace + delta;
    if (text.trim() === "") {
      this.leadingWhitespace = text;
      return;
    }
    this.leadingWhitespace = "";
    if (opensWithBlankLine(text)) {
      this.route = "parser";
      this.emit("text", FIELD_TEXT, text);
    } else {
      this.route = "inline";
      this.emitPieces(this.splitter.push(text));
    }
  }

  private emitPieces(pieces: SplitPiece[]): void {
    for (const piece of pieces) {
      if (piece.kind === "reasoning") this.emit("reasoning", INLINE_REASONING, piece.text);
      else this.emit("text", INLINE_TEXT, piece.text);
    }
  }

  private emit(kind: "reasoning" | "text", id: string, delta: string): void {
    if (this.openKind !== kind || this.openId !== id) {
      this.close();
      this.send({ type: kind === "reasoning" ? "reasoning-start" : "text-start", id });
      this.openKind = kind;
      this.openId = id;
    }
    const now = performance.now();
    this.watch.seen(now, true);
    const timing = this.observer.delta(kind === "reasoning" ? "reasoning" : "answer", now);
    this.send({ type: kind === "reasoning" ? "reasoning-delta" : "text-delta", id, delta });
    if (timing) this.send({ type: "message-metadata", messageMetadata: timing });
  }

  private close(): void {
    if (this.openKind === undefined) return;
    this.send({ type: this.openKind === "reasoning" ? "reasoning-end" : "text-end", id: this.openId });
    this.openKind = undefined;
  }

  /** Inline reasoning held back at a possible `</think>` is reasoning after all once the answer stops. */
  private closeInline(): void {
    this.emitPieces(this.splitter.flush());
    this.close();
  }

  private finish(): void {
    if (this.route === "inline") this.closeInline();
    else this.close();
    if (this.finishReason === undefined && !this.upstreamError) {
      this.upstreamError = true;
      this.sendError(new UpstreamProtocolError("the stream ended without a finish reason"));
    }
    this.end(this.upstreamError ? "error" : unifiedFinishReason(this.finishReason));
  }

  private fail(error: unknown): void {
    if (this.done) return;
    this.response?.destroy();
    if (this.options.signal.aborted && !this.watch.timeout) {
      const reason = this.options.signal.reason;
      // Viewers following the answer learn how it ended, as the stored answer tells them after a reload.
      this.send({ type: "message-metadata", messageMetadata: { state: "stopped" } });
      this.send({ type: "abort", reason: reason instanceof Error ? reason.message : String(reason) });
      this.outcome = "stopped";
      this.closeStream();
      return;
    }
    if (this.route === "inline") this.closeInline();
    this.sendError(this.watch.timeout ?? error);
    if (this.response) this.end("error");
    else this.closeStream();
  }

  private end(finishReason: FinishReason): void {
    const now = performance.now();
    const usage = this.usage;
    const metadata = this.observer.finish(
      finishReason,
      {
        promptTokens: usage?.prompt_tokens ?? undefined,
        completionTokens: usage?.completion_tokens ?? undefined,
        reasoningTokens: usage ? (usage.completion_tokens_details?.reasoning_tokens ?? 0) : undefined,
      },
      now,
    );
    this.send({ type: "finish-step" });
    this.send({ type: "finish", finishReason, messageMetadata: metadata });
    this.closeStream();
  }

  private sendError(error: unknown): void {
    this.outcome = "error";
    this.send({ type: "error", errorText: this.observer.error(error) });
  }

  private closeStream(): void {
    this.done = true;
    this.watch.stop();
    // The hub keeps a finished answer's abort controller for replays: it must not keep this relay alive.
    this.signal.removeEventListener("abort", this.onAbort);
    this.observer.end(this.outcome);
    this.resolveEnded();
  }

  private send(chunk: UIMessageChunk): void {
    if (this.sink) this.sink(chunk);
    else this.waiting.push(chunk);
    this.observer.chunk?.(chunk);
  }
}

/** The AI SDK's finish reasons, as the browser and storage know them. */
function unifiedFinishReason(raw: string | undefined): FinishReason {
  switch (raw) {
    case "stop":
    case "length":
      return raw;
    case "content_filter":
      return "content-filter";
    case "tool_calls":
    case "function_call":
      return "tool-calls";
    default:
      return "other";
  }
}
