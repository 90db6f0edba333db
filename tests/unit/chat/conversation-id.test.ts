import { describe, expect, it } from "vitest";
import { conversationIdSchema } from "@/app/api/chat/schema";
import { newConversationId } from "@/lib/chat/conversation-id";

describe("newConversationId", () => {
  it("makes ids the chat API accepts, a different one each time", () => {
    const ids = Array.from({ length: 200 }, newConversationId);
    for (const id of ids) expect(conversationIdSchema.safeParse(id).success).toBe(true);
    expect(ids[0]).toMatch(/^[0-9A-Za-z]{16}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
