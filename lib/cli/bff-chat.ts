import { DefaultChatTransport, type UIMessage, type UIMessageChunk } from "ai";
import { messageMetadataSchema } from "@/lib/chat/metadata";
import type { AnswerEvent, AnswerSettings, ChatSession } from "./answer-events";

/** The BFF answered with an error body (`{ error: { message } }`) or not at all. */
class BffRequestError extends Error {
  override name = "BffRequestError";
}

/**
 * A conversation kept by the r1-chat BFF, which applies the R1 rules itself. The BFF identifies its
 * anonymous owner by cookie, so the cookie it sets on the first answer is sent back on every later one.
 */
export class BffChat implements ChatSession {
  readonly description: string;
  private conversationId = crypto.randomUUID();
  private readonly cookies = new Map<string, string>();
  private readonly transport: DefaultChatTransport<UIMessage>;

  constructor(
    private readonly baseUrl: string,
    settings: AnswerSettings,
  ) {
    this.description = `the r1-chat BFF at ${baseUrl}`;
    this.transport = new DefaultChatTransport({
      api: `${baseUrl}/api/chat`,
      fetch: (input, init) => this.fetchWithCookies(input, init),
      // The BFF stores the conversation, so it takes only the new question.
      prepareSendMessagesRequest: ({ id, messages }) => ({
        body: { id, trigger: "submit-message", message: messages.at(-1), ...settings },
      }),
    });
  }

  async *ask(question: string, signal: AbortSignal): AsyncGenerator<AnswerEvent> {
    const message: UIMessage = {
      id: crypto.randomUUID(),
      role: "user",
      parts: [{ type: "text", text: question }],
    };
    // Closing our connection would let the BFF finish and store the answer; only its stop route ends it.
    let stopped: Promise<void> | undefined;
    const stopOnAbort = () => {
      stopped = this.stop();
    };
    signal.addEventListener("abort", stopOnAbort, { once: true });
    try {
      const stream = await this.transport.sendMessages({
        chatId: this.conversationId,
        messages: [message],
        abortSignal: signal,
        trigger: "submit-message",
        messageId: undefined,
      });
      const reader = stream.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        const event = answerEventFrom(value);
        if (event) yield event;
      }
    } catch (error) {
      if (!signal.aborted) yield { type: "error", message: this.describe(error) };
    } finally {
      signal.removeEventListener("abort", stopOnAbort);
      // The BFF refuses a new question in this conversation (409) until the stopped answer is recorded.
      await stopped;
    }
  }

  reset(): void {
    this.conversationId = crypto.randomUUID();
  }

  private async stop(): Promise<void> {
    await this.fetchWithCookies(`${this.baseUrl}/api/chat/${this.conversationId}/stop`, {
      method: "POST",
    }).catch(
      // A failed stop shows up as a clear 409 on the next question; there is nothing better to do here.
      () => undefined,
    );
  }

  private async fetchWithCookies(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) {
      headers.set("cookie", [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; "));
    }
    let response: Response;
    try {
      response = await fetch(input, { ...init, headers });
    } catch (error) {
      if (init.signal?.aborted) throw error;
      const code = (error as { cause?: { code?: unknown } }).cause?.code;
      throw new BffRequestError(
        `Cannot reach the BFF at ${this.baseUrl}${typeof code === "string" ? ` (${code})` : ""}. Is it running?`,
      );
    }
    for (const cookie of response.headers.getSetCookie()) {
      const pair = cookie.split(";", 1)[0] ?? "";
      const separator = pair.indexOf("=");
      if (separator > 0) this.cookies.set(pair.slice(0, separator).trim(), pair.slice(separator + 1).trim());
    }
    if (!response.ok) {
      const body = (await response.json().catch(() => undefined)) as
        | { error?: { message?: unknown } }
        | undefined;
      const reason = typeof body?.error?.message === "string" ? body.error.message : response.statusText;
      throw new BffRequestError(`The BFF answered HTTP ${response.status}: ${reason}`);
    }
    return response;
  }

  private describe(error: unknown): string {
    if (error instanceof BffRequestError) return error.message;
    return `The answer from the BFF broke off: ${error instanceof Error ? error.message : String(error)}`;
  }
}

function answerEventFrom(chunk: UIMessageChunk): AnswerEvent | undefined {
  switch (chunk.type) {
    case "start": {
      const rules = metadataOf(chunk.messageMetadata)?.rules;
      return rules ? { type: "rules", rules } : undefined;
    }
    case "reasoning-delta":
      return { type: "reasoning", text: chunk.delta };
    case "text-delta":
      return { type: "answer", text: chunk.delta };
    case "error":
      return { type: "error", message: chunk.errorText };
    case "finish": {
      const metadata = metadataOf(chunk.messageMetadata);
      return {
        type: "finish",
        completionTokens: metadata?.usage?.completionTokens,
        finishReason: metadata?.finishReason ?? chunk.finishReason,
      };
    }
    default:
      return undefined;
  }
}

function metadataOf(value: unknown) {
  const parsed = messageMetadataSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}
