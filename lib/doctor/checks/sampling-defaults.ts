import { z } from "zod";
import { describeNetworkFailure } from "@/lib/upstream/network-failure";
import { errorMessage, type ProbeClient } from "../probe-client";
import { SAMPLING_QUESTION } from "../prompts";
import type { Finding } from "../types";

const REQUEST_TIMEOUT_MS = 15_000;
/** Long enough for sampling at different temperatures to pick different tokens somewhere. */
const PROBE_TOKENS = 64;
const PROBE_SEED = 20_250_210;

const messageSchema = z.object({
  choices: z
    .array(
      z.object({
        message: z.looseObject({
          content: z.string().nullish(),
          reasoning: z.string().nullish(),
          reasoning_content: z.string().nullish(),
        }),
      }),
    )
    .min(1),
});

type Sampling = { temperature: number; top_p: number } | Record<string, never>;

async function seededText(client: ProbeClient, model: string, sampling: Sampling): Promise<string> {
  const response = await client.postApi(
    "/chat/completions",
    {
      model,
      messages: [{ role: "user", content: SAMPLING_QUESTION }],
      max_tokens: PROBE_TOKENS,
      seed: PROBE_SEED,
      ...sampling,
    },
    REQUEST_TIMEOUT_MS,
  );
  const body = await response.text();
  if (!response.ok) throw new Error(`HTTP ${response.status}: ${errorMessage(body)}`);
  const message = messageSchema.parse(JSON.parse(body)).choices[0]?.message;
  return JSON.stringify([message?.reasoning ?? message?.reasoning_content ?? null, message?.content ?? null]);
}

/**
 * vLLM ≥ 0.8 samples an omitted temperature/top_p at the model's generation_config.json values
 * (0.6/0.95 for R1) unless started with `--generation-config vllm` (1.0/1.0). A seeded request makes
 * sampling repeatable, so the same request with the parameters omitted, set to 0.6/0.95 and set to
 * 1.0/1.0 shows which defaults the server applies.
 */
export async function checkSamplingDefaults(client: ProbeClient, model: string): Promise<Finding> {
  let omitted: string;
  let recommended: string;
  let neutral: string;
  try {
    // One after another: concurrent requests share batches, which can perturb seeded sampling.
    omitted = await seededText(client, model, {});
    recommended = await seededText(client, model, { temperature: 0.6, top_p: 0.95 });
    neutral = await seededText(client, model, { temperature: 1, top_p: 1 });
  } catch (error) {
    client.deadline.throwIfOver();
    const reason =
      error instanceof Error && error.message.startsWith("HTTP")
        ? error.message
        : describeNetworkFailure(error, REQUEST_TIMEOUT_MS).reason;
    return {
      id: "sampling-defaults",
      status: "info",
      title: "Sampling defaults: not checked",
      detail: `A seeded request failed (${reason}).`,
    };
  }
  const evidence = `Three seeded ${PROBE_TOKENS}-token requests: with temperature/top_p omitted, set to 0.6/0.95, and set to 1.0/1.0.`;
  if (recommended === neutral) {
    return {
      id: "sampling-defaults",
      status: "info",
      title: "Sampling defaults: inconclusive",
      detail: `${evidence} The explicit settings wrote the same text, so the comparison cannot tell them apart.`,
    };
  }
  if (omitted === recommended) {
    return {
      id: "sampling-defaults",
      status: "ok",
      title: "Sampling defaults from generation_config.json",
      detail: `${evidence} Omitted matched 0.6/0.95: vLLM applies the model's recommended defaults.`,
    };
  }
  if (omitted === neutral) {
    return {
      id: "sampling-defaults",
      status: "warn",
      title: "Sampling defaults are 1.0/1.0, not R1's 0.6/0.95",
      detail: `${evidence} Omitted matched 1.0/1.0: vLLM runs with \`--generation-config vllm\` (or predates 0.8), so clients that send no temperature get rambling, repetitive R1 output. r1-chat always sends 0.6/0.95.`,
      fix: 'Drop `--generation-config vllm` (the default `auto` reads generation_config.json), or start vLLM with `--override-generation-config \'{"temperature": 0.6, "top_p": 0.95}\'`.',
    };
  }
  return {
    id: "sampling-defaults",
    status: "info",
    title: "Sampling defaults: neither 0.6/0.95 nor 1.0/1.0",
    detail: `${evidence} Omitted matched neither: the server uses other defaults (\`--override-generation-config\`?) or seeded sampling is not repeatable on it.`,
  };
}
