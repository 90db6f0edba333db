import { readUiChunks, type UiChunk, userMessage } from "@/tests/support/ui-stream";

/**
 * One person's browser: keeps the owner cookie the app issues and sends it to whichever instance it
 * talks to, as a load balancer without sticky sessions would route it.
 */
export class OwnerClient {
  private cookie = "";

  async request(base: string, path: string, init: RequestInit & { json?: unknown } = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookie) headers.set("cookie", this.cookie);
    // A browser sends its page's origin with every state-changing request.
    headers.set("origin", base);
    if (init.json !== undefined) headers.set("content-type", "application/json");
    const response = await fetch(`${base}${path}`, {
      ...init,
      headers,
      body: init.json === undefined ? init.body : JSON.stringify(init.json),
    });
    const setCookie = response.headers.get("set-cookie");
    if (setCookie) this.cookie = setCookie.split(";")[0] as string;
    return response;
  }

  /** Asks a question in a conversation (a new one when `id` is new) and returns the answer's SSE response. */
  async ask(base: string, id: string, question: string, options: { maxTokens?: number } = {}) {
    const response = await this.request(base, "/api/chat", {
      method: "POST",
      json: { id, trigger: "submit-message", message: userMessage(question), ...options },
    });
    if (!response.ok)
      throw new Error(`POST /api/chat on ${base}: ${response.status} ${await response.text()}`);
    return response;
  }

  /** The stored conversation as the page loads it. */
  async conversation(base: string, id: string): Promise<StoredConversation> {
    const response = await this.request(base, `/api/conversations/${id}`);
    if (!response.ok) throw new Error(`GET conversation on ${base}: ${response.status}`);
    return (await response.json()) as StoredConversation;
  }
}

export interface StoredConversation {
  id: string;
  answering: boolean;
  messages: {
    id: string;
    role: string;
    parts: { type: string; text?: string }[];
    metadata: { state?: string };
  }[];
}

export const answerState = (conversation: StoredConversation) => conversation.messages.at(-1)?.metadata.state;

export const partText = (conversation: StoredConversation, type: "text" | "reasoning") =>
  (conversation.messages.at(-1)?.parts ?? [])
    .filter((part) => part.type === type)
    .map((part) => part.text ?? "")
    .join("");

export const hasDelta = (chunks: UiChunk[]) =>
  chunks.some((chunk) => chunk.type === "reasoning-delta" || chunk.type === "text-delta");

/** Waits until an answer has started streaming, and leaves all of it to be read afterwards. */
export async function whenStreaming(response: Response): Promise<Response> {
  const [peek, whole] = (response.body as ReadableStream<Uint8Array>).tee();
  await readUiChunks(new Response(peek), hasDelta);
  return new Response(whole);
}

export { readUiChunks };
