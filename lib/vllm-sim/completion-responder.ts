import type { ServerResponse } from "node:http";
import { completionJson, type FinishReason, type ResponseMeta } from "./chunks";
import { apiError, errorBody } from "./errors";
import type { GenerationSink } from "./generation";
import { completeMessage } from "./reasoning-parser";
import type { TokenPlan } from "./token-plan";
import type { VersionTraits } from "./versions";

export interface CompletionSettings {
  role: string;
  reasoningParser: boolean;
  includeReasoning: boolean;
  promptTokens: number;
}

/** Answers a non-streaming request with one `chat.completion` body once generation ends. */
export class CompletionResponder implements GenerationSink {
  constructor(
    private readonly res: ServerResponse,
    private readonly meta: ResponseMeta,
    private readonly plan: TokenPlan,
    private readonly traits: VersionTraits,
    private readonly settings: CompletionSettings,
  ) {}

  onTokens(_from: number, to: number, finishReason: FinishReason | null): void {
    if (!finishReason) return;
    const { role, reasoningParser, includeReasoning, promptTokens } = this.settings;
    const message = completeMessage(this.plan, to, reasoningParser);
    const body = completionJson(this.meta, this.traits, {
      role,
      message: includeReasoning ? message : { ...message, reasoning: null },
      finishReason,
      usage: { promptTokens, completionTokens: to },
    });
    this.res.writeHead(200, { "content-type": "application/json" }).end(body);
  }

  onEngineError(): void {
    const error = apiError(500, "Internal server error");
    this.res.writeHead(500, { "content-type": "application/json" }).end(errorBody(error, this.traits));
  }

  onConnectionCut(): void {
    this.res.destroy();
  }
}
