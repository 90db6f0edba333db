import type { ServerResponse } from "node:http";
import { type ChunkEncoder, DONE_EVENT, type FinishReason, KEEP_ALIVE_COMMENT, type Usage } from "./chunks";
import { streamErrorEvent } from "./errors";
import type { GenerationSink } from "./generation";
import { streamingDelta } from "./reasoning-parser";
import type { UsageRequest } from "./request";
import type { TokenPlan } from "./token-plan";
import type { VersionTraits } from "./versions";

export interface StreamSettings {
  role: string;
  reasoningParser: boolean;
  usage: UsageRequest;
  promptTokens: number;
  keepAliveIntervalMs: number;
}

/** Writes a generation as vLLM's SSE stream (reference §1.1–1.5). */
export class StreamResponder implements GenerationSink {
  private roleSent = false;
  private keepAlive: NodeJS.Timeout | undefined;

  constructor(
    private readonly res: ServerResponse,
    private readonly encoder: ChunkEncoder,
    private readonly plan: TokenPlan,
    private readonly traits: VersionTraits,
    private readonly settings: StreamSettings,
  ) {}

  /** Headers go out before the first token, as StreamingResponse sends them when the generator is returned. */
  open(): void {
    this.res.writeHead(200, { "content-type": "text/event-stream; charset=utf-8" });
    this.res.flushHeaders();
    if (this.settings.keepAliveIntervalMs > 0) {
      this.keepAlive = setTimeout(this.sendKeepAlive, this.settings.keepAliveIntervalMs);
    }
    this.res.once("close", () => clearTimeout(this.keepAlive));
  }

  onTokens(from: number, to: number, finishReason: FinishReason | null): void {
    const { usage, promptTokens, role, reasoningParser } = this.settings;
    const usageSoFar = (completionTokens: number): Usage | undefined =>
      usage.continuousUsage ? { promptTokens, completionTokens } : undefined;
    let events = "";
    if (!this.roleSent) {
      // The role chunk and the first token chunk leave in the same loop iteration.
      events += this.encoder.first(role, usageSoFar(0));
      this.roleSent = true;
    }
    const delta = streamingDelta(this.plan, from, to, reasoningParser);
    if (finishReason) {
      events += this.encoder.finish(delta ?? {}, finishReason, usageSoFar(to), !usage.includeUsage);
      if (usage.includeUsage) events += this.encoder.usage({ promptTokens, completionTokens: to });
      this.end(events + DONE_EVENT);
    } else if (delta) {
      this.write(events + this.encoder.delta(delta, usageSoFar(to)));
    } else if (events) {
      this.write(events);
    }
  }

  onEngineError(): void {
    this.end(streamErrorEvent(this.traits) + DONE_EVENT);
  }

  onConnectionCut(): void {
    this.res.destroy();
  }

  private write(text: string): void {
    this.res.write(text);
    this.keepAlive?.refresh();
  }

  private end(text: string): void {
    clearTimeout(this.keepAlive);
    this.res.end(text);
  }

  private readonly sendKeepAlive = (): void => {
    this.write(KEEP_ALIVE_COMMENT);
  };
}
