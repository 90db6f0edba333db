import "server-only";
import { generateId } from "ai";
import { type AppConfig, getConfig } from "@/lib/config";
import { type ChatStore, DuplicateIdError, getChatStore, type StoredMessage } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { type GenerationHub, getGenerationHub } from "@/lib/generation";
import type { ChunkSource } from "@/lib/generation/hub";
import { LiveAnswer } from "@/lib/http/live-answer";
import { getTurnLimits, type TurnLimits } from "@/lib/limits";
import type { ConversationTurn } from "@/lib/r1/rules";
import { AnswerRecorder } from "./answer-recorder";
import { streamAnswer } from "./answer-stream";
import { conversationTitle } from "./conversation-title";
import { type ChatOptions, type IncomingMessage, messageText } from "./request";

export interface ChatTurnRequest extends ChatOptions {
  conversationId: string;
  trigger: "submit-message" | "regenerate-message";
  /** The question, for submit-message. */
  message?: IncomingMessage;
  /** With submit-message: the question being edited; with regenerate-message: the answer to replace. */
  messageId?: string;
  /** The client's address, for the per-IP rate limit. */
  clientIp?: string;
}

export interface ChatTurnDeps {
  store?: ChatStore;
  hub?: GenerationHub;
  config?: AppConfig;
  limits?: TurnLimits;
}

/**
 * One turn of a conversation: stores the question before the upstream is called, starts the answer
 * detached from this request (a closed tab lets it finish and be stored), and returns a live view of it.
 */
export async function startChatTurn(
  ownerId: string,
  request: ChatTurnRequest,
  deps: ChatTurnDeps = {},
): Promise<LiveAnswer> {
  const store = deps.store ?? (await getChatStore());
  const hub = deps.hub ?? (await getGenerationHub());
  const config = deps.config ?? getConfig();
  const limits = deps.limits ?? (await getTurnLimits(config));
  const { conversationId } = request;

  if (await hub.isRunning(conversationId)) {
    throw new AppError("conflict", "An answer is still being written in this conversation. Stop it first.");
  }
  const existing = await store.getConversation(ownerId, conversationId);
  if (!existing) {
    if (request.trigger !== "submit-message" || !request.message) {
      throw new AppError("not_found", "This conversation does not exist.");
    }
    await store.createConversation(ownerId, {
      id: conversationId,
      title: conversationTitle(messageText(request.message, "text")),
    });
  }

  checkConversationLength(existing?.messages ?? [], request, config.MAX_CONVERSATION_MESSAGES);

  if (request.trigger === "submit-message") {
    const question = request.message;
    if (!question) throw new AppError("bad_request", "Invalid request: message: the question is missing");
    const kept = existing?.messages ?? [];
    const editedAt = kept.findIndex((message) => message.id === request.messageId);
    // Checked before anything is deleted: a refused edit must leave the conversation as it was.
    if (kept.slice(0, editedAt === -1 ? undefined : editedAt).some((message) => message.id === question.id)) {
      throw new DuplicateIdError("message", question.id);
    }
    if (request.messageId) await store.deleteMessagesFrom(ownerId, conversationId, request.messageId);
    await store.appendMessage(ownerId, conversationId, {
      id: question.id,
      role: "user",
      parts: question.parts,
      state: "complete",
    });
  } else {
    const answerId = request.messageId ?? lastAnswerId(existing?.messages ?? []);
    if (answerId) await store.deleteMessagesFrom(ownerId, conversationId, answerId);
  }

  const history = (await store.getConversation(ownerId, conversationId))?.messages ?? [];
  if (history.at(-1)?.role !== "user") {
    throw new AppError("bad_request", "There is no question to answer at the end of this conversation.");
  }

  // The question is stored first, so a turn turned away here can be retried once the limit allows.
  const releaseSlots = await limits.admit({ ownerId, ip: request.clientIp });
  const answerId = generateId();
  const abort = new AbortController();
  const recorder = new AnswerRecorder({ store, ownerId, conversationId, messageId: answerId });
  let answer: ChunkSource;
  try {
    answer = await streamAnswer(
      {
        turns: toTurns(history),
        persona: request.persona,
        temperature: request.temperature,
        maxTokens: request.maxTokens,
      },
      { messageId: answerId, signal: abort.signal, config, onChunk: recorder.observe },
    );
  } catch (error) {
    await releaseSlots();
    throw error;
  }
  try {
    await store.appendMessage(ownerId, conversationId, {
      id: answerId,
      role: "assistant",
      parts: [],
      state: "streaming",
    });
  } catch (error) {
    // The request is already out: nobody would read its answer.
    abort.abort();
    await releaseSlots();
    throw error;
  }

  void hub
    .run(conversationId, answer, abort)
    .then(
      () => recorder.finish(),
      (error: unknown) => {
        console.error("[r1-chat] generation failed", error);
        return recorder.finish(error);
      },
    )
    .finally(releaseSlots);

  const feed = await hub.subscribe(conversationId);
  if (!feed) throw new AppError("upstream_failed", "The answer could not be started.");
  return new LiveAnswer(feed);
}

/** A conversation may not grow past `max` messages (the question and its answer count as two). */
function checkConversationLength(messages: StoredMessage[], request: ChatTurnRequest, max: number): void {
  const replacedId =
    request.trigger === "regenerate-message"
      ? (request.messageId ?? lastAnswerId(messages))
      : request.messageId;
  const replacedAt = replacedId ? messages.findIndex((message) => message.id === replacedId) : -1;
  const kept = replacedAt >= 0 ? replacedAt : messages.length;
  const added = request.trigger === "submit-message" ? 2 : 1;
  if (kept + added > max) {
    throw new AppError(
      "context_too_long",
      `This conversation has reached ${max} messages, the most allowed. Start a new conversation to go on.`,
    );
  }
}

function lastAnswerId(messages: StoredMessage[]): string | undefined {
  const last = messages.at(-1);
  return last?.role === "assistant" ? last.id : undefined;
}

function toTurns(messages: StoredMessage[]): ConversationTurn[] {
  return messages.map((message): ConversationTurn => {
    const asIncoming = {
      id: message.id,
      role: message.role,
      parts: message.parts as IncomingMessage["parts"],
    };
    const content = messageText(asIncoming, "text");
    if (message.role === "assistant") {
      return { role: "assistant", content, reasoning: messageText(asIncoming, "reasoning") };
    }
    return { role: "user", content };
  });
}
