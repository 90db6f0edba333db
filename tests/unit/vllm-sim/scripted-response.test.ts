import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadScriptedResponse } from "@/lib/vllm-sim/scripted-response";
import { tokenize } from "@/lib/vllm-sim/tokenizer";
import { assemble, dataOf, streamChat, useSim } from "./helpers";

const script = {
  reasoning: "Hmm, a scripted thought: \\( x^2 \\) first.\n",
  answer: "The answer is\n\n$$\n\\boxed{42}\n$$",
};

describe("scripted response", () => {
  const sim = useSim({ scriptedResponse: script });

  it("streams exactly the scripted reasoning and answer, whatever was asked", async () => {
    const events = await streamChat(sim(), { stream_options: { include_usage: true } });
    expect(assemble(events)).toEqual({ reasoning: script.reasoning, content: `\n\n${script.answer}` });
  });

  it("spends one token per tokenizer piece, plus </think>, the blank line and end of sentence", async () => {
    const events = await streamChat(sim(), { stream_options: { include_usage: true } });
    const usage = events
      .filter((event) => event !== "data: [DONE]")
      .map(dataOf)
      .findLast((chunk) => chunk.usage)?.usage;
    const pieces = (text: string) => tokenize(text).filter((piece) => piece !== "").length;
    // Multi-byte symbols may be split into an extra empty token, as a byte-level BPE does; these have none.
    expect(usage?.completion_tokens).toBe(pieces(script.reasoning) + pieces(script.answer) + 3);
  });
});

describe("loadScriptedResponse", () => {
  const dir = mkdtempSync(join(tmpdir(), "sim-script-"));

  it("reads a { reasoning, answer } JSON file", () => {
    const file = join(dir, "ok.json");
    writeFileSync(file, JSON.stringify(script));
    expect(loadScriptedResponse(file)).toEqual(script);
  });

  it("says what is wrong with a file that is not one", () => {
    const file = join(dir, "bad.json");
    writeFileSync(file, JSON.stringify({ answer: 1 }));
    expect(() => loadScriptedResponse(file)).toThrow(/is not \{ "reasoning": string, "answer": string \}/);
    expect(() => loadScriptedResponse(join(dir, "missing.json"))).toThrow(/cannot read/);
  });
});

describe("--scripted-response-file", () => {
  it("makes the CLI answer with the file's reply", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "sim-script-")), "script.json");
    writeFileSync(file, JSON.stringify(script));
    const cli = fileURLToPath(new URL("../../../lib/vllm-sim/cli.ts", import.meta.url));
    const child: ChildProcess = spawn(
      process.execPath,
      ["--import", "tsx", cli, "--port", "0", "--itl-ms", "0", "--scripted-response-file", file],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    const exited = once(child, "exit");
    try {
      let output = "";
      for await (const chunk of child.stdout ?? []) {
        output += String(chunk);
        if (/listening on \S+/.test(output)) break;
      }
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      const res = await fetch(`${url}/v1/chat/completions`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ messages: [{ role: "user", content: "Hi" }] }),
      });
      const { choices } = await res.json();
      expect(choices[0].message.reasoning).toBe(script.reasoning);
      expect(choices[0].message.content).toBe(`\n\n${script.answer}`);
    } finally {
      child.kill("SIGTERM");
    }
    await exited;
  }, 20_000);
});
