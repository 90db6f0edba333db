import { z } from "zod";
import { describeNetworkFailure } from "@/lib/upstream/network-failure";
import { errorMessage, type ProbeClient } from "../probe-client";
import type { Finding } from "../types";

const PROBE_TIMEOUT_MS = 5_000;
/** DeepSeek evaluates R1 with 32,768-token generations; its traces often run to thousands of tokens. */
const RECOMMENDED_MAX_MODEL_LEN = 32_768;
const SHORT_MAX_MODEL_LEN = 16_384;

const modelsSchema = z.object({
  data: z
    .array(
      z.looseObject({
        id: z.string().min(1),
        root: z.string().nullish(),
        max_model_len: z.number().nullish(),
      }),
    )
    .min(1),
});

type ModelCard = z.infer<typeof modelsSchema>["data"][number];

export interface ModelCheck {
  findings: Finding[];
  model?: string;
  maxModelLen?: number;
}

const API_KEY_FIX =
  "Pass the key vLLM was started with (`--api-key` or VLLM_API_KEY) as `--api-key <key>`, and set VLLM_API_KEY to it for r1-chat.";

/** `/v1/models`: does our key work, is the model there, and how long may a conversation get? */
export async function checkModels(
  client: ProbeClient,
  hasApiKey: boolean,
  wanted?: string,
): Promise<ModelCheck> {
  let response: Response;
  try {
    response = await client.getApi("/models", PROBE_TIMEOUT_MS);
  } catch (error) {
    client.deadline.throwIfOver();
    const { reason, fix } = describeNetworkFailure(error, PROBE_TIMEOUT_MS);
    return { findings: [modelFailure(`${client.apiBase}/models failed: ${reason}.`, fix)] };
  }
  const body = await response.text().catch(() => "");
  if (response.status === 401 || response.status === 403) {
    const finding: Finding = {
      id: "auth",
      status: "fail",
      title: hasApiKey ? "API key refused" : "API key required",
      detail: hasApiKey
        ? `The server answered ${response.status} (${errorMessage(body)}): the key does not match the one vLLM was started with.`
        : `The server answered ${response.status} (${errorMessage(body)}): vLLM runs with --api-key and we sent none.`,
      fix: API_KEY_FIX,
    };
    return { findings: [finding] };
  }
  if (!response.ok) {
    const fix =
      response.status === 404
        ? "--url must be the OpenAI base URL, ending in /v1: e.g. http://host:8000/v1."
        : "Read vLLM's log for the cause.";
    return {
      findings: [
        modelFailure(`${client.apiBase}/models answered ${response.status}: ${errorMessage(body)}.`, fix),
      ],
    };
  }
  let cards: ModelCard[];
  try {
    cards = modelsSchema.parse(JSON.parse(body)).data;
  } catch {
    return {
      findings: [modelFailure(`${client.apiBase}/models did not list any model in OpenAI's format.`)],
    };
  }
  const auth: Finding = hasApiKey
    ? { id: "auth", status: "ok", title: "API key accepted", detail: "/v1/models accepted the key." }
    : {
        id: "auth",
        status: "info",
        title: "No API key required",
        detail: "/v1/models answered without a key: anyone who can reach this port can use the model.",
        fix: "To require one, start vLLM with `--api-key <key>` and set VLLM_API_KEY for r1-chat.",
      };
  const card = wanted ? cards.find((candidate) => candidate.id === wanted) : cards[0];
  const served = cards.map((candidate) => candidate.id).join(", ");
  if (!card) {
    return {
      findings: [
        auth,
        modelFailure(
          `The server does not serve "${wanted}"; it serves ${served}.`,
          `Use one of those: \`--model <id>\` here and VLLM_MODEL for r1-chat.`,
        ),
      ],
    };
  }
  const maxModelLen = card.max_model_len ?? undefined;
  return {
    findings: [auth, modelFinding(card, cards.length), contextFinding(maxModelLen)],
    model: card.id,
    maxModelLen,
  };
}

function modelFailure(detail: string, fix?: string): Finding {
  return {
    id: "model",
    status: "fail",
    title: "Cannot list the served model",
    detail,
    ...(fix ? { fix } : {}),
  };
}

function modelFinding(card: ModelCard, count: number): Finding {
  const root = card.root && card.root !== card.id ? ` (from ${card.root})` : "";
  const others = count > 1 ? ` The server lists ${count} models; pass --model to probe another.` : "";
  const isR1 = /deepseek-r1|r1-distill/i.test(`${card.id} ${card.root ?? ""}`);
  if (isR1) {
    return { id: "model", status: "ok", title: "Model served", detail: `Serves ${card.id}${root}.${others}` };
  }
  return {
    id: "model",
    status: "warn",
    title: "Not a DeepSeek-R1 model",
    detail: `Serves ${card.id}${root}, which does not look like DeepSeek-R1 or a distill; the reasoning checks assume one.${others}`,
  };
}

function contextFinding(maxModelLen: number | undefined): Finding {
  if (maxModelLen === undefined) {
    return {
      id: "context-length",
      status: "info",
      title: "Context length not reported",
      detail: "/v1/models has no max_model_len (not vLLM?); r1-chat then assumes 16,384 tokens.",
    };
  }
  const fix = `\`vllm serve … --max-model-len ${RECOMMENDED_MAX_MODEL_LEN}\`: the 1.5B model's KV cache needs about 28 KiB per token, so ~0.9 GiB per full-length conversation.`;
  if (maxModelLen < SHORT_MAX_MODEL_LEN) {
    return {
      id: "context-length",
      status: "warn",
      title: `Context of ${maxModelLen.toLocaleString("en-US")} tokens is short for R1`,
      detail: `max_model_len is ${maxModelLen}. R1 often thinks for thousands of tokens (about 4,300 on average for the 1.5B model on maths), so longer answers and conversations stop with finish_reason "length".`,
      fix,
    };
  }
  if (maxModelLen < RECOMMENDED_MAX_MODEL_LEN) {
    return {
      id: "context-length",
      status: "info",
      title: `Context of ${maxModelLen.toLocaleString("en-US")} tokens`,
      detail: `max_model_len is ${maxModelLen}: enough for most answers; DeepSeek evaluates R1 with 32,768-token generations.`,
      fix,
    };
  }
  return {
    id: "context-length",
    status: "ok",
    title: `Context of ${maxModelLen.toLocaleString("en-US")} tokens`,
    detail: `max_model_len is ${maxModelLen}, room for R1's long reasoning.`,
  };
}
