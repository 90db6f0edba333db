import { z } from "zod";
import { conversationIdSchema } from "../../chat/schema";

export const handoffRequestSchema = z.object({ conversationId: conversationIdSchema });
export const handoffQuerySchema = z.object({ code: z.string().min(1).max(300) });
