import { afterAll, beforeAll } from "vitest";
import { type SimOptionsInput, type SimServer, startSimServer } from "@/lib/vllm-sim";

/** Zero delays: generations finish as fast as the event loop allows, with no jitter. */
export const FAST: SimOptionsInput = {
  ttftMs: 0,
  itlMs: 0,
  prefillMsPerKToken: 0,
  itlGrowthPerRunning: 0,
  seed: 7,
};

/** Starts a simulator for the enclosing `describe` and stops it afterwards. */
export function useSim(options: SimOptionsInput = {}): () => SimServer {
  let sim: SimServer | undefined;
  beforeAll(async () => {
    sim = await startSimServer({ ...FAST, ...options });
  });
  afterAll(async () => {
    await sim?.close();
  });
  return () => {
    if (!sim) throw new Error("simulator not started");
    return sim;
  };
}

export const QUESTION = "What is 2 plus 3?";

export function chat(
  sim: SimServer,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
  signal?: AbortSignal,
): Promise<Response> {
  return fetch(`${sim.url}/v1/chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ messages: [{ role: "user", content: QUESTION }], ...body }),
    signal,
  });
}

/** `created` is wall-clock seconds; pin it so raw bytes can be compared. */
export const pinCreated = (text: string) => text.replaceAll(/"created":\d+/g, '"created":1764000000');

/** Splits an SSE body into its events (each without the trailing blank line). */
export function sseEvents(text: string): string[] {
  return pinCreated(text)
    .split("\n\n")
    .filter((event) => event !== "");
}

export interface Chunk {
  choices: { delta: Record<string, string | null>; finish_reason: string | null }[];
  usage?: { prompt_tokens: number; total_tokens: number; completion_tokens: number };
}

export function dataOf(event: string): Chunk {
  if (!event.startsWith("data: ")) throw new Error(`not a data event: ${event}`);
  return JSON.parse(event.slice("data: ".length)) as Chunk;
}

/** Concatenates what a client would show: reasoning (either field name) and content. */
export function assemble(events: string[]): { reasoning: string; content: string } {
  let reasoning = "";
  let content = "";
  for (const event of events) {
    if (event === "data: [DONE]" || event.startsWith(":")) continue;
    for (const { delta } of dataOf(event).choices) {
      reasoning += delta.reasoning ?? delta.reasoning_content ?? "";
      content += delta.content ?? "";
    }
  }
  return { reasoning, content };
}

export async function streamChat(
  sim: SimServer,
  body: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<string[]> {
  const res = await chat(sim, { stream: true, ...body }, { "x-request-id": "test", ...headers });
  return sseEvents(await res.text());
}

export async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 1000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export async function metricValue(sim: SimServer, series: string): Promise<number | undefined> {
  const text = await (await fetch(`${sim.url}/metrics`)).text();
  const line = text.split("\n").find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}
