import type { UIMessage } from "ai";
import type { MessageMetadata } from "./metadata";

/** A chat message as the page and the API exchange it: AI SDK parts plus our metadata. */
export type ChatMessage = UIMessage<MessageMetadata>;
