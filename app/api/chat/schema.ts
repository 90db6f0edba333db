import { z } from "zod";
import { chatOptionsSchema, limits, messageText, uiMessageSchema } from "@/lib/chat/request";

export const chatRequestSchema = chatOptionsSchema
  .extend({
    id: z.string().max(200).optional(),
    trigger: z.enum(["submit-message", "regenerate-message"]).optional(),
    messageId: z.string().max(200).optional(),
    messages: z
      .array(uiMessageSchema)
      .min(1, "send at least one message")
      .max(limits.MAX_MESSAGES, `a conversation can hold at most ${limits.MAX_MESSAGES} messages`),
  })
  .superRefine((body, context) => {
    const last = body.messages.at(-1);
    if (last?.role !== "user") {
      context.addIssue({
        code: "custom",
        path: ["messages"],
        message: "the last message must be the user's question",
      });
      return;
    }
    const question = messageText(last, "text");
    if (question.trim() === "") {
      context.addIssue({ code: "custom", path: ["messages"], message: "the question is empty" });
    } else if (question.length > limits.MAX_MESSAGE_CHARS) {
      context.addIssue({
        code: "custom",
        path: ["messages"],
        message: `the question is longer than ${limits.MAX_MESSAGE_CHARS} characters`,
      });
    }
  });
