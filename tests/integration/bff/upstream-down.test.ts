import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedConversation } from "@/lib/chat/conversations";
import { Browser, loadRoutes, params } from "@/tests/support/routes";
import { readUiChunks, userMessage } from "@/tests/support/ui-stream";

let routes: Awaited<ReturnType<typeof loadRoutes>>;
beforeAll(async () => {
  routes = await loadRoutes();
});

describe("when the model server goes away", () => {
  it("the question is stored anyway and the answer records the error", async () => {
    const browser = new Browser();
    const ask = async (id: string, text: string) =>
      browser.remember(
        await routes.chat.POST(
          browser.request("/api/chat", {
            method: "POST",
            json: { id, trigger: "submit-message", message: userMessage(text) },
          }),
        ),
      );
    await readUiChunks(await ask("warm-up-1", "Hi"));
    await routes.sim.close();

    const chunks = await readUiChunks(await ask("down-0001", "Is anyone there?"));
    // A pooled keep-alive socket sees the server close it; a fresh connection is refused.
    expect(chunks.find((chunk) => chunk.type === "error")?.errorText).toMatch(
      /^Cannot reach the model server: (connection refused \(is vLLM running\?\)|the connection was closed by the server)\.$/,
    );
    const response = await routes.conversation.GET(
      browser.request("/api/conversations/down-0001"),
      params("down-0001"),
    );
    const conversation = (await response.json()) as LoadedConversation;
    expect(conversation.messages[0]?.parts).toEqual([{ type: "text", text: "Is anyone there?" }]);
    for (
      let attempt = 0;
      conversation.messages[1]?.metadata?.state === "streaming" && attempt < 50;
      attempt++
    ) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      Object.assign(
        conversation,
        await (
          await routes.conversation.GET(browser.request("/api/conversations/down-0001"), params("down-0001"))
        ).json(),
      );
    }
    expect(conversation.messages[1]?.metadata).toMatchObject({ state: "error" });
  });
});
