import { z } from "zod";
import type { TemplateMessage } from "./chat-template";
import { type ApiError, apiError, requestValidationError, validationError } from "./errors";
import { pythonFloat } from "./python-format";
import type { VersionTraits } from "./versions";

const contentPartSchema = z.looseObject({ type: z.string(), text: z.string().optional() });

const messageSchema = z.looseObject({
  role: z.string(),
  content: z.union([z.string(), z.array(contentPartSchema)]).nullish(),
});

const streamOptionsSchema = z.looseObject({
  include_usage: z.boolean().nullish(),
  continuous_usage_stats: z.boolean().nullish(),
});

/**
 * The fields of vLLM's `ChatCompletionRequest` the simulator acts on. Like vLLM
 * (`extra="allow"`), unknown fields are accepted and ignored.
 */
const chatRequestSchema = z
  .looseObject({
    messages: z.array(messageSchema),
    model: z.string().nullish(),
    max_tokens: z.number().int().nullish(),
    max_completion_tokens: z.number().int().nullish(),
    stream: z.boolean().nullish(),
    stream_options: streamOptionsSchema.nullish(),
    temperature: z.number().nullish(),
    top_p: z.number().nullish(),
    seed: z.number().int().nullish(),
    add_generation_prompt: z.boolean().default(true),
    continue_final_message: z.boolean().default(false),
    include_reasoning: z.boolean().default(true),
    request_id: z.string().nullish(),
  })
  .superRefine((request, ctx) => {
    // pydantic model validators in vLLM; they fail as request validation errors.
    if (request.stream_options && !request.stream) {
      ctx.addIssue({ code: "custom", message: "Stream options can only be defined when `stream=True`." });
    }
    if (request.continue_final_message && request.add_generation_prompt) {
      ctx.addIssue({
        code: "custom",
        message: "Cannot set both `continue_final_message` and `add_generation_prompt` to True.",
      });
    }
  });

export type ChatRequest = z.infer<typeof chatRequestSchema>;

const pythonRepr = (part: PropertyKey) => (typeof part === "number" ? String(part) : `'${String(part)}'`);

const PYDANTIC_TYPE_ERRORS: Record<string, [type: string, msg: string]> = {
  number: ["float_type", "Input should be a valid number"],
  int: ["int_type", "Input should be a valid integer"],
  boolean: ["bool_type", "Input should be a valid boolean"],
  string: ["string_type", "Input should be a valid string"],
  array: ["list_type", "Input should be a valid list"],
  object: ["dict_type", "Input should be a valid dictionary"],
};

/** Renders zod issues like the `str(exc.errors())` of pydantic that vLLM puts in the message. */
function pydanticErrorList(issues: readonly z.core.$ZodIssue[]): string {
  const rendered = issues.map((issue) => {
    let [type, msg] = ["value_error", `Value error, ${issue.message}`];
    if (issue.code === "invalid_type") {
      [type, msg] =
        issue.input === undefined
          ? ["missing", "Field required"]
          : (PYDANTIC_TYPE_ERRORS[issue.expected] ?? ["value_error", issue.message]);
    }
    const loc = ["body", ...issue.path].map(pythonRepr).join(", ");
    return `{'type': '${type}', 'loc': (${loc}), 'msg': '${msg}'}`;
  });
  return `[${rendered.join(", ")}]`;
}

export type ParsedRequest = { ok: true; request: ChatRequest } | { ok: false; error: ApiError };

/** Content-type check, JSON decoding and schema validation, as FastAPI does before vLLM runs. */
export function parseChatRequest(contentType: string | undefined, body: string): ParsedRequest {
  const mediaType = (contentType ?? "").split(";")[0]?.trim().toLowerCase();
  if (mediaType !== "application/json") {
    return {
      ok: false,
      error: requestValidationError(`["Unsupported Media Type: Only 'application/json' is allowed"]`),
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    const position = /position (\d+)/.exec(String(error))?.[1] ?? "0";
    return {
      ok: false,
      error: requestValidationError(
        `[{'type': 'json_invalid', 'loc': ('body', ${position}), 'msg': 'JSON decode error'}]`,
      ),
    };
  }
  const parsed = chatRequestSchema.safeParse(json, { reportInput: true });
  if (!parsed.success)
    return { ok: false, error: requestValidationError(pydanticErrorList(parsed.error.issues)) };
  return { ok: true, request: parsed.data };
}

/** vLLM's "string" content format: text parts joined by newlines, other parts dropped. */
export function templateMessages(request: ChatRequest): TemplateMessage[] {
  return request.messages.map(({ role, content }) => ({
    role,
    content:
      typeof content === "string"
        ? content
        : (content ?? [])
            .flatMap((part) => (part.type === "text" && part.text ? [part.text] : []))
            .join("\n"),
  }));
}

export interface Limits {
  maxModelLen: number;
  promptTokens: number;
}

export type CheckedLimits = { ok: true; maxTokens: number } | { ok: false; error: ApiError };

/** Length and sampling checks, in the order vLLM's renderer and `SamplingParams` run them. */
export function checkRequestLimits(
  request: ChatRequest,
  limits: Limits,
  traits: VersionTraits,
): CheckedLimits {
  const { maxModelLen, promptTokens } = limits;
  const requested = request.max_completion_tokens ?? request.max_tokens ?? undefined;
  const fail = (error: ApiError): CheckedLimits => ({ ok: false, error });
  if (requested !== undefined && requested > maxModelLen) {
    return fail(
      apiError(
        400,
        `max_tokens=${requested} cannot be greater than max_model_len=max_total_tokens=${maxModelLen}. Please request fewer output tokens.`,
      ),
    );
  }
  const outputTokens = requested ?? 0;
  if (promptTokens + outputTokens > maxModelLen) {
    return fail(
      validationError(
        traits,
        `This model's maximum context length is ${maxModelLen} tokens. However, you requested ${outputTokens} output tokens and your prompt contains ${promptTokens} input tokens, for a total of ${promptTokens + outputTokens} tokens. Please reduce the length of the input prompt or the number of requested output tokens.`,
        "input_tokens",
        String(promptTokens),
      ),
    );
  }
  const { temperature, top_p: topP } = request;
  if (temperature != null && temperature < 0) {
    const value = pythonFloat(temperature);
    return fail(
      validationError(traits, `temperature must be non-negative, got ${value}.`, "temperature", value),
    );
  }
  if (topP != null && !(topP > 0 && topP <= 1)) {
    const value = pythonFloat(topP);
    return fail(validationError(traits, `top_p must be in (0, 1], got ${value}.`, "top_p", value));
  }
  const maxTokens = requested ?? maxModelLen - promptTokens;
  if (maxTokens < 1) {
    return fail(
      validationError(
        traits,
        `max_tokens must be at least 1, got ${maxTokens}.`,
        "max_tokens",
        String(maxTokens),
      ),
    );
  }
  return { ok: true, maxTokens };
}

export interface UsageRequest {
  includeUsage: boolean;
  continuousUsage: boolean;
}

/** `include_usage` defaults to true once `stream_options` is present (pydantic default). */
export function usageRequest(request: ChatRequest): UsageRequest {
  const options = request.stream_options;
  const includeUsage = options ? options.include_usage !== null && options.include_usage !== false : false;
  return { includeUsage, continuousUsage: includeUsage && options?.continuous_usage_stats === true };
}
