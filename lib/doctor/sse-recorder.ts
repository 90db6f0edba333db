import { z } from "zod";
import { describeNetworkFailure, isTimeout } from "@/lib/upstream/network-failure";
import { errorMessage, type ProbeClient } from "./probe-client";

const deltaSchema = z.looseObject({
  role: z.string().optional(),
  content: z.string().nullish(),
  reasoning: z.string().nullish(),
  reasoning_content: z.string().nullish(),
});

const chunkSchema = z.looseObject({
  choices: z
    .array(z.looseObject({ delta: deltaSchema.nullish(), finish_reason: z.string().nullish() }))
    .nullish(),
  usage: z
    .looseObject({ prompt_tokens: z.number().optional(), completion_tokens: z.number().optional() })
    .nullish(),
  error: z.unknown().optional(),
});

export type ChatChunk = z.infer<typeof chunkSchema>;

export interface StreamEvent {
  /** Milliseconds from sending the request to the read that completed this event. */
  at: number;
  chunk: ChatChunk;
}

export interface RecordedStream {
  /** HTTP status; 0 when no answer came. */
  status: number;
  headers: { contentType?: string; contentEncoding?: string; contentLength?: string };
  events: StreamEvent[];
  /** The stream ended with `data: [DONE]`. */
  done: boolean;
  /** Why the request failed: HTTP error, error event, dropped connection or timeout. */
  error?: string;
  endedAt: number;
}

const headerOf = (response: Response, name: string) => response.headers.get(name) ?? undefined;

/** Splits SSE text into complete events, keeping a trailing partial one for the next read. */
export class SseSplitter {
  private buffer = "";

  push(text: string): string[] {
    this.buffer += text;
    const parts = this.buffer.split(/\r?\n\r?\n/);
    this.buffer = parts.pop() ?? "";
    return parts.flatMap((event) => {
      const data = event
        .split(/\r?\n/)
        .filter((line) => line.startsWith("data:"))
        .map((line) => line.slice(5).replace(/^ /, ""));
      return data.length ? [data.join("\n")] : [];
    });
  }
}

/** Streams one chat completion and notes when each event arrived, by the client's clock. */
export async function recordChatStream(
  client: ProbeClient,
  body: Record<string, unknown>,
  timeoutMs: number,
): Promise<RecordedStream> {
  const sentAt = performance.now();
  const since = () => performance.now() - sentAt;
  const stream: RecordedStream = { status: 0, headers: {}, events: [], done: false, endedAt: 0 };
  let response: Response;
  try {
    response = await client.postApi("/chat/completions", { ...body, stream: true }, timeoutMs);
  } catch (error) {
    client.deadline.throwIfOver();
    return { ...stream, error: describeNetworkFailure(error, timeoutMs).reason, endedAt: since() };
  }
  stream.status = response.status;
  stream.headers = {
    contentType: headerOf(response, "content-type"),
    contentEncoding: headerOf(response, "content-encoding"),
    contentLength: headerOf(response, "content-length"),
  };
  if (!response.ok || !response.body) {
    const text = await response.text().catch(() => "");
    return { ...stream, error: `HTTP ${response.status}: ${errorMessage(text)}`, endedAt: since() };
  }

  const splitter = new SseSplitter();
  const decoder = new TextDecoder();
  const reader = response.body.getReader();
  try {
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      const at = since();
      for (const data of splitter.push(decoder.decode(read.value, { stream: true }))) {
        if (data === "[DONE]") stream.done = true;
        else recordEvent(stream, at, data);
      }
    }
  } catch (error) {
    client.deadline.throwIfOver();
    stream.error ??= isTimeout(error)
      ? `the stream did not finish within ${timeoutMs / 1000} s`
      : `the stream broke off: ${describeNetworkFailure(error, timeoutMs).reason}`;
  }
  if (!stream.error && !stream.done) stream.error = "the stream ended without data: [DONE]";
  stream.endedAt = since();
  return stream;
}

function recordEvent(stream: RecordedStream, at: number, data: string): void {
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    stream.error ??= `an event is not JSON: ${data.slice(0, 80)}`;
    return;
  }
  const parsed = chunkSchema.safeParse(json);
  if (!parsed.success) return;
  if (parsed.data.error !== undefined) {
    stream.error ??= `error event mid-stream: ${errorMessage(data)}`;
    return;
  }
  stream.events.push({ at, chunk: parsed.data });
}
