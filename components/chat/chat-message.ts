import type { UIMessage } from "ai";
import { type MessageMetadata, messageMetadataSchema } from "@/lib/chat/metadata";

export type ChatMessage = UIMessage<MessageMetadata>;
export const chatMessageMetadataSchema = messageMetadataSchema;
