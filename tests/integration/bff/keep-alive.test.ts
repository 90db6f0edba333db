import { parseJsonEventStream, uiMessageChunkSchema } from "ai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SimServer } from "@/lib/vllm-sim";
import { startNginx } from "@/tests/support/nginx";
import { servePagesRoutes } from "@/tests/support/pages-server";
import { loadRoutes } from "@/tests/support/routes";
import { userMessage } from "@/tests/support/ui-stream";

const KEEPALIVE_MS = 300;
/** The model server thinks this long before its first token, then stalls this long after its third. */
const FIRST_TOKEN_MS = 1_200;
const STALL_MS = 1_200;

let sim: SimServer;
let pages: Awaited<ReturnType<typeof servePagesRoutes>>;
let base: string;

beforeAll(async () => {
  process.env.STREAM_KEEPALIVE_MS = String(KEEPALIVE_MS);
  const routes = await loadRoutes({ ttftMs: FIRST_TOKEN_MS, itlMs: 5, defaultFault: `stall:${STALL_MS}@3` });
  sim = routes.sim;
  pages = await servePagesRoutes();
  base = pages.base;
});
afterAll(async () => {
  pages.close();
  await sim.close();
});

interface Read {
  at: number;
  text: string;
}

async function ask(id: string, via = base): Promise<Read[]> {
  const response = await fetch(`${via}/api/chat`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      id,
      trigger: "submit-message",
      message: userMessage("Think hard, then answer."),
      maxTokens: 12,
    }),
  });
  expect(response.status).toBe(200);
  const reads: Read[] = [];
  const decoder = new TextDecoder();
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read())
    reads.push({ at: performance.now(), text: decoder.decode(read.value, { stream: true }) });
  return reads;
}

describe("keep-alive comments on a silent answer stream", () => {
  it("leaves no silence longer than STREAM_KEEPALIVE_MS while the model server is silent, and sends none while tokens flow", async () => {
    const reads = await ask("keep-alive-1");
    const gaps = reads.slice(1).map((read, index) => read.at - (reads[index] as Read).at);
    // Slack for timers on a busy machine, still far below the silences it would be without comments.
    expect(Math.max(...gaps)).toBeLessThan(KEEPALIVE_MS + 250);

    const body = reads.map((read) => read.text).join("");
    const events = body.split("\n\n").filter(Boolean);
    const deltas = events.flatMap((event, index) => (event.includes('-delta"') ? [index] : []));
    const [first, , third, fourth] = deltas as [number, number, number, number];
    const commentAt = events.flatMap((event, index) => (event === ": keep-alive" ? [index] : []));
    // Comments fill both silences (each lasts several keep-alive intervals), and only them: none between
    // tokens that flow.
    expect(commentAt.filter((index) => index < first).length).toBeGreaterThanOrEqual(2);
    expect(commentAt.filter((index) => index > third && index < fourth).length).toBeGreaterThanOrEqual(2);
    expect(commentAt.every((index) => index < first || (index > third && index < fourth))).toBe(true);
    expect(body.endsWith("data: [DONE]\n\n")).toBe(true);
  });

  it("is skipped by the AI SDK's own stream parser: the chat gets the same chunks as without it", async () => {
    const reads = await ask("keep-alive-2");
    const body = reads.map((read) => read.text).join("");
    expect(body).toContain(": keep-alive\n\n");
    const parse = async (text: string) => {
      const chunks: unknown[] = [];
      const stream = parseJsonEventStream({
        stream: new Response(text).body as ReadableStream<Uint8Array>,
        schema: uiMessageChunkSchema,
      });
      const reader = stream.getReader();
      for (let read = await reader.read(); !read.done; read = await reader.read()) {
        expect(read.value.success).toBe(true);
        if (read.value.success) chunks.push(read.value.value);
      }
      return chunks;
    };
    const withComments = await parse(body);
    expect(withComments.at(-1)).toMatchObject({ type: "finish" });
    expect(withComments).toEqual(await parse(body.replaceAll(": keep-alive\n\n", "")));
  });

  it("keeps the answer alive through a proxy that cuts a response silent for less than the model's silences", async () => {
    // Real nginx, with an idle timeout shorter than the wait for the first token and than the stall.
    const nginx = await startNginx(
      (listen) => `server {
        listen ${listen};
        location / {
          proxy_pass ${base};
          proxy_http_version 1.1;
          proxy_buffering off;
          proxy_read_timeout ${3 * KEEPALIVE_MS}ms;
        }
      }`,
    );
    try {
      const body = (await ask("keep-alive-3", nginx.url)).map((read) => read.text).join("");
      expect(body).toContain('"type":"finish"');
      expect(body.endsWith("data: [DONE]\n\n")).toBe(true);
    } finally {
      await nginx.stop();
    }
  });
});
