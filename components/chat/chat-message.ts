import type { UIMessage } from "ai";
import type { MessageMetadata } from "@/lib/chat/metadata";

export type ChatMessage = UIMessage<MessageMetadata>;
