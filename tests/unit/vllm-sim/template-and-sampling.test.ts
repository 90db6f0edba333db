import { describe, expect, it } from "vitest";
import { renderR1Prompt } from "@/lib/vllm-sim/chat-template";
import { assemble, chat, streamChat, useSim } from "./helpers";

const completion = async (res: Response) =>
  ((await res.json()) as { choices: { message: { content: string | null; reasoning: string | null } }[] })
    .choices[0]?.message;

describe("templateAddsThink: false (the original January template)", () => {
  it("renders the generation prompt without <think>\\n", () => {
    const flags = { addGenerationPrompt: true, continueFinalMessage: false, thinkInGenerationPrompt: false };
    expect(renderR1Prompt([{ role: "user", content: "Hi" }], flags)).toBe(
      "<｜begin▁of▁sentence｜><｜User｜>Hi<｜Assistant｜>",
    );
  });

  describe("without a reasoning parser", () => {
    const sim = useSim({ templateAddsThink: false, reasoningParser: false });

    it("passes the model's own <think>\\n through at the start of content", async () => {
      const { reasoning, content } = assemble(await streamChat(sim()));
      expect(reasoning).toBe("");
      expect(content).toMatch(/^<think>\nOkay, so I need to figure out/);
      expect(content).toContain("</think>\n\n");
    });
  });

  describe("with the deepseek_r1 parser", () => {
    const sim = useSim({ templateAddsThink: false });

    it("streams reasoning that starts with the model's newline and no tags anywhere", async () => {
      const events = await streamChat(sim());
      expect(events.join("\n")).not.toContain("think>");
      const { reasoning, content } = assemble(events);
      expect(reasoning).toMatch(/^\nOkay, so I need to figure out/);
      expect(content.startsWith("\n\n")).toBe(true);
    });

    it("drops <think> from a complete message", async () => {
      const message = await completion(await chat(sim(), {}));
      expect(message?.reasoning).toMatch(/^\nOkay/);
      expect(message?.content).toMatch(/^\n\n/);
    });

    it("does not think twice after an assistant prefix that opens <think>", async () => {
      const res = await chat(sim(), {
        messages: [
          { role: "user", content: "What is 2 plus 3?" },
          { role: "assistant", content: "<think>\n" },
        ],
        add_generation_prompt: false,
        continue_final_message: true,
      });
      expect((await completion(res))?.reasoning).toMatch(/^Okay/);
    });
  });
});

describe("generationConfigDefaults", () => {
  const text = async (res: Response) => JSON.stringify(await completion(res));
  const question = { messages: [{ role: "user", content: "Solve a quadratic equation." }], seed: 3 };
  const recommended = { ...question, temperature: 0.6, top_p: 0.95 };
  const neutral = { ...question, temperature: 1, top_p: 1 };

  describe("on (vLLM ≥ 0.8 default: generation_config.json)", () => {
    const sim = useSim();

    it("samples an omitted temperature/top_p at the model's 0.6/0.95", async () => {
      expect(await text(await chat(sim(), question))).toBe(await text(await chat(sim(), recommended)));
      expect(await text(await chat(sim(), question))).not.toBe(await text(await chat(sim(), neutral)));
    });
  });

  describe("off (--generation-config vllm)", () => {
    const sim = useSim({ generationConfigDefaults: false });

    it("samples an omitted temperature/top_p at 1.0/1.0, which changes the seeded text", async () => {
      expect(await text(await chat(sim(), question))).toBe(await text(await chat(sim(), neutral)));
      expect(await text(await chat(sim(), question))).not.toBe(await text(await chat(sim(), recommended)));
    });
  });
});
