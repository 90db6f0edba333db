import { z } from "zod";
import { chatOptionsSchema, limits, messageText, uiMessageSchema } from "@/lib/chat/request";

export const conversationIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, "a conversation id is 8–64 letters, digits, '-' or '_'");

export const chatRequestSchema = chatOptionsSchema
  .extend({
    id: conversationIdSchema,
    trigger: z.enum(["submit-message", "regenerate-message"]),
    messageId: z.string().max(200).optional(),
    message: uiMessageSchema.optional(),
  })
  .superRefine((body, context) => {
    if (body.trigger !== "submit-message") return;
    const question = body.message;
    if (!question) {
      context.addIssue({ code: "custom", path: ["message"], message: "the question is missing" });
      return;
    }
    if (question.role !== "user") {
      context.addIssue({
        code: "custom",
        path: ["message", "role"],
        message: "the question must come from the user",
      });
      return;
    }
    const text = messageText(question, "text");
    if (text.trim() === "") {
      context.addIssue({ code: "custom", path: ["message"], message: "the question is empty" });
    } else if (text.length > limits.MAX_MESSAGE_CHARS) {
      context.addIssue({
        code: "custom",
        path: ["message"],
        message: `the question is longer than ${limits.MAX_MESSAGE_CHARS} characters`,
      });
    }
  });

export const conversationParamsSchema = z.object({ id: conversationIdSchema });
