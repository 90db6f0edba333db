import { randomBytes } from "node:crypto";
import { type IncomingMessage, type ServerResponse, STATUS_CODES } from "node:http";
import { endsInsideThink, renderR1Prompt, type TemplateMessage } from "./chat-template";
import { ChunkEncoder, type ResponseMeta } from "./chunks";
import { CompletionResponder } from "./completion-responder";
import { type ApiError, apiError, errorBody } from "./errors";
import { FAULT_HEADER, type FaultPlan, faultSpecSchema, NO_FAULTS } from "./faults";
import { type Engine, Generation, type GenerationSink } from "./generation";
import { hashSeed, mulberry32 } from "./prng";
import {
  type ChatRequest,
  checkRequestLimits,
  parseChatRequest,
  templateMessages,
  usageRequest,
} from "./request";
import { composeResponse } from "./responses";
import { effectiveSampling, samplingSeedParts } from "./sampling";
import { StreamResponder } from "./stream-responder";
import { planTokens } from "./token-plan";
import { countTokens } from "./tokenizer";
import type { VersionTraits } from "./versions";

export interface ChatContext {
  engine: Engine;
  traits: VersionTraits;
  /** Set when the emulated version sends `system_fingerprint`. */
  fingerprint: string | undefined;
}

export function sendError(res: ServerResponse, error: ApiError, traits: VersionTraits): void {
  res.writeHead(error.status, { "content-type": "application/json" }).end(errorBody(error, traits));
}

type FaultResolution = { ok: true; plan: FaultPlan } | { ok: false; error: ApiError };

function resolveFaults(req: IncomingMessage, defaultFault: FaultPlan | undefined): FaultResolution {
  const header = req.headers[FAULT_HEADER];
  if (header === undefined) return { ok: true, plan: defaultFault ?? NO_FAULTS };
  const parsed = faultSpecSchema.safeParse(Array.isArray(header) ? header.join(",") : header);
  if (parsed.success) return { ok: true, plan: parsed.data };
  const message = parsed.error.issues.map((issue) => issue.message).join(" ");
  return { ok: false, error: apiError(400, `${FAULT_HEADER}: ${message}`, FAULT_HEADER) };
}

function refusal(status: number): ApiError {
  return apiError(status, status === 500 ? "Internal server error" : (STATUS_CODES[status] ?? "Error"));
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** A request that passed every check, with what its generation needs. */
interface AcceptedChat {
  request: ChatRequest;
  messages: TemplateMessage[];
  prompt: string;
  promptTokens: number;
  maxTokens: number;
  faults: FaultPlan;
}

type Admission = { ok: true; chat: AcceptedChat } | { ok: false; error: ApiError };

/** The checks of vLLM's chat endpoint, in its order, plus the simulator's fault header. */
function acceptChat(ctx: ChatContext, req: IncomingMessage, body: string): Admission {
  const { traits } = ctx;
  const { options } = ctx.engine;
  const faults = resolveFaults(req, options.defaultFault);
  if (!faults.ok) return faults;
  const parsed = parseChatRequest(req.headers["content-type"], body);
  if (!parsed.ok) return parsed;
  const { request } = parsed;
  if (request.model != null && request.model !== options.servedModelName) {
    const param = traits.detailedErrors ? "model" : null;
    return { ok: false, error: apiError(404, `The model \`${request.model}\` does not exist.`, param) };
  }
  const messages = templateMessages(request);
  const prompt = renderR1Prompt(messages, {
    addGenerationPrompt: request.add_generation_prompt,
    continueFinalMessage: request.continue_final_message,
    thinkInGenerationPrompt: options.templateAddsThink,
  });
  const promptTokens = countTokens(prompt);
  const limits = checkRequestLimits(request, { maxModelLen: options.maxModelLen, promptTokens }, traits);
  if (!limits.ok) return limits;
  if (faults.plan.refuseStatus !== undefined) return { ok: false, error: refusal(faults.plan.refuseStatus) };
  const chat = { request, messages, prompt, promptTokens, maxTokens: limits.maxTokens, faults: faults.plan };
  return { ok: true, chat };
}

/** `POST /v1/chat/completions`: validate like vLLM, then stream or buffer a simulated generation. */
export function handleChatCompletion(
  ctx: ChatContext,
  req: IncomingMessage,
  res: ServerResponse,
  body: string,
): void {
  const admission = acceptChat(ctx, req, body);
  if (!admission.ok) {
    sendError(res, admission.error, ctx.traits);
    return;
  }
  const { request, messages, prompt, promptTokens, maxTokens, faults } = admission.chat;
  const { engine, traits } = ctx;
  const { options } = engine;

  const question = messages.findLast((message) => message.role === "user")?.content ?? "";
  const sampling = effectiveSampling(request, options.generationConfigDefaults);
  const textRandom = mulberry32(
    hashSeed(request.seed ?? options.seed, prompt, ...samplingSeedParts(sampling)),
  );
  const response = options.scriptedResponse ?? composeResponse(question, textRandom, options.reasoningTokens);
  // With the old template R1 opens its thinking itself, unless the prompt (e.g. an assistant prefix) already did.
  const modelOpensThink = !options.templateAddsThink && !endsInsideThink(prompt);
  const plan = planTokens(response, textRandom, modelOpensThink);
  const requestId =
    headerValue(req.headers["x-request-id"]) ??
    request.request_id ??
    randomBytes(16).toString("hex").slice(0, traits.randomIdHexLength);
  const meta: ResponseMeta = {
    id: `chatcmpl-${requestId}`,
    created: Math.floor(Date.now() / 1000),
    model: options.servedModelName,
    fingerprint: ctx.fingerprint,
  };
  // Without a generation prompt the reply continues the last message, so it takes that role.
  const role = request.add_generation_prompt ? "assistant" : (messages.at(-1)?.role ?? "assistant");

  let sink: GenerationSink;
  if (request.stream) {
    const stream = new StreamResponder(res, new ChunkEncoder(meta, traits), plan, traits, {
      role,
      reasoningParser: options.reasoningParser,
      usage: usageRequest(request),
      promptTokens,
      keepAliveIntervalMs: options.keepAliveIntervalMs,
    });
    stream.open();
    sink = stream;
  } else {
    sink = new CompletionResponder(res, meta, plan, traits, {
      role,
      reasoningParser: options.reasoningParser,
      includeReasoning: request.include_reasoning,
      promptTokens,
    });
  }
  const generation = new Generation(engine, { plan, promptTokens, maxTokens, faults }, sink);
  res.once("close", () => generation.abort());
  generation.start();
}
