import { describe, expect, it } from "vitest";
import { conversationTitle } from "@/lib/chat/conversation-title";

describe("conversationTitle", () => {
  it("is the question's first line, trimmed", () => {
    expect(conversationTitle("  Solve x^2 = 4\nShow each step.")).toBe("Solve x^2 = 4");
  });

  it("cuts a long first line to 60 characters, ending with an ellipsis", () => {
    const title = conversationTitle(`${"a".repeat(59)}bcdef`);
    expect(title).toBe(`${"a".repeat(59)}…`);
    expect(title).toHaveLength(60);
    expect(conversationTitle("b".repeat(60))).toBe("b".repeat(60));
  });

  it("keeps a question written in Chinese as it is", () => {
    expect(conversationTitle("求解方程 x^2 - 5x + 6 = 0\n请写出步骤")).toBe("求解方程 x^2 - 5x + 6 = 0");
  });
});
