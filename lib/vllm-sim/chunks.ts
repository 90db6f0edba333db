import type { DeltaText, MessageText } from "./reasoning-parser";
import type { ReasoningFieldStyle, VersionTraits } from "./versions";

/**
 * Serialization of chat completion responses, key for key in pydantic field order.
 * Chunks mirror `model_dump_json(exclude_unset=True)`; the non-streaming body mirrors
 * `JSONResponse(model_dump())`, which keeps every field, nulls included.
 */

export type FinishReason = "stop" | "length";

export interface Usage {
  promptTokens: number;
  completionTokens: number;
}

export interface ResponseMeta {
  id: string;
  created: number;
  model: string;
  /** Only on servers that send `system_fingerprint` (≥0.21). */
  fingerprint?: string;
}

export const DONE_EVENT = "data: [DONE]\n\n";
export const KEEP_ALIVE_COMMENT = ": keep-alive\n\n";

/** UsageInfo keeps pydantic's field order: prompt, total, completion. */
function usageJson({ promptTokens, completionTokens }: Usage): string {
  return `{"prompt_tokens":${promptTokens},"total_tokens":${promptTokens + completionTokens},"completion_tokens":${completionTokens}}`;
}

/**
 * DeltaMessage fields in declaration order. From 0.11.1 to 0.15 a validator copies `reasoning`
 * into `reasoning_content`, which then counts as set on every delta, usually as null.
 */
function deltaJson(delta: DeltaText, style: ReasoningFieldStyle): string {
  const fields: Record<string, string | null> = {};
  if (delta.role !== undefined) fields.role = delta.role;
  if (delta.content !== undefined) fields.content = delta.content;
  if (style === "reasoning_content") {
    if (delta.reasoning !== undefined) fields.reasoning_content = delta.reasoning;
  } else {
    if (delta.reasoning !== undefined) fields.reasoning = delta.reasoning;
    if (style === "both") fields.reasoning_content = delta.reasoning ?? null;
  }
  return JSON.stringify(fields);
}

/** Builds the `data: …` events of one stream; the envelope prefix is serialized once. */
export class ChunkEncoder {
  private readonly head: string;
  private readonly tokenIds: string;

  constructor(
    private readonly meta: ResponseMeta,
    private readonly traits: VersionTraits,
  ) {
    this.head = `data: {"id":${JSON.stringify(meta.id)},"object":"chat.completion.chunk","created":${meta.created},"model":${JSON.stringify(meta.model)},"choices":[`;
    this.tokenIds = traits.tokenIdFields ? `,"token_ids":null` : "";
  }

  private event(choice: string, usage: Usage | undefined, trailer = ""): string {
    const usageField = usage ? `,"usage":${usageJson(usage)}` : "";
    return `${this.head}${choice}]${usageField}${trailer}}\n\n`;
  }

  /** The role chunk, the only one with `prompt_token_ids`/`prompt_text` and without `token_ids`. */
  first(role: string, usage?: Usage): string {
    const delta = deltaJson({ role, content: "" }, this.traits.reasoningFields);
    let trailer = this.traits.tokenIdFields ? `,"prompt_token_ids":null` : "";
    if (this.traits.promptTextField) trailer += `,"prompt_text":null`;
    return this.event(`{"index":0,"delta":${delta},"logprobs":null,"finish_reason":null}`, usage, trailer);
  }

  delta(delta: DeltaText, usage?: Usage): string {
    const body = deltaJson(delta, this.traits.reasoningFields);
    return this.event(
      `{"index":0,"delta":${body},"logprobs":null,"finish_reason":null${this.tokenIds}}`,
      usage,
    );
  }

  /** The fingerprint goes here unless a usage chunk follows, which then carries it. */
  finish(delta: DeltaText, reason: FinishReason, usage: Usage | undefined, withFingerprint: boolean): string {
    const body = deltaJson(delta, this.traits.reasoningFields);
    const choice = `{"index":0,"delta":${body},"logprobs":null,"finish_reason":"${reason}","stop_reason":null${this.tokenIds}}`;
    return this.event(choice, usage, withFingerprint ? this.fingerprintField() : "");
  }

  usage(usage: Usage): string {
    return this.event("", usage, this.fingerprintField());
  }

  private fingerprintField(): string {
    return this.meta.fingerprint ? `,"system_fingerprint":${JSON.stringify(this.meta.fingerprint)}` : "";
  }
}

function messageFields(message: MessageText, style: ReasoningFieldStyle): Record<string, string | null> {
  switch (style) {
    case "reasoning_content":
      return { reasoning_content: message.reasoning };
    case "both":
      return { reasoning: message.reasoning, reasoning_content: message.reasoning };
    case "reasoning":
      return { reasoning: message.reasoning };
  }
}

export interface Completion {
  role: string;
  message: MessageText;
  finishReason: FinishReason;
  usage: Usage;
}

/** The non-streaming `chat.completion` body. */
export function completionJson(meta: ResponseMeta, traits: VersionTraits, completion: Completion): string {
  const { usage } = completion;
  const tokenIds = traits.tokenIdFields ? { token_ids: null } : {};
  const promptTokenIds = traits.tokenIdFields ? { prompt_token_ids: null } : {};
  const promptText = traits.promptTextField ? { prompt_text: null } : {};
  return JSON.stringify({
    id: meta.id,
    object: "chat.completion",
    created: meta.created,
    model: meta.model,
    choices: [
      {
        index: 0,
        message: {
          role: completion.role,
          content: completion.message.content,
          refusal: null,
          annotations: null,
          audio: null,
          function_call: null,
          tool_calls: [],
          ...messageFields(completion.message, traits.reasoningFields),
        },
        logprobs: null,
        finish_reason: completion.finishReason,
        stop_reason: null,
        ...tokenIds,
      },
    ],
    service_tier: null,
    system_fingerprint: meta.fingerprint ?? null,
    usage: {
      prompt_tokens: usage.promptTokens,
      total_tokens: usage.promptTokens + usage.completionTokens,
      completion_tokens: usage.completionTokens,
      prompt_tokens_details: null,
    },
    prompt_logprobs: null,
    ...promptTokenIds,
    ...promptText,
    kv_transfer_params: null,
  });
}
