import { describe, expect, it } from "vitest";
import type { AnswerEvent } from "@/lib/cli/answer-events";
import { type PrintOptions, printAnswer } from "@/lib/cli/answer-printer";
import { AnswerTimer, formatDuration, formatTiming } from "@/lib/cli/answer-timer";
import { colorWanted, createStyle } from "@/lib/cli/style";
import { renderTable } from "@/lib/cli/table";

class Capture {
  text = "";
  write(chunk: string) {
    this.text += chunk;
  }
}

async function* events(...list: AnswerEvent[]): AsyncGenerator<AnswerEvent> {
  yield* list;
}

const answer: AnswerEvent[] = [
  {
    type: "rules",
    rules: [
      { id: "temperature-default", detail: "temperature 0.6" },
      { id: "top-p", detail: "top_p 0.95" },
    ],
  },
  { type: "reasoning", text: "Okay, 2 + 2 is 4.\n" },
  { type: "answer", text: "\n\n" },
  { type: "answer", text: "The answer is " },
  { type: "answer", text: "\\(\\boxed{4}\\)" },
  { type: "finish", completionTokens: 12, finishReason: "stop" },
];

function printer(overrides: Partial<PrintOptions> = {}) {
  const out = new Capture();
  const err = new Capture();
  const options: PrintOptions = {
    style: createStyle(false),
    out,
    err,
    showReasoning: true,
    showRules: true,
    ...overrides,
  };
  return { out, err, options };
}

describe("printAnswer", () => {
  it("prints reasoning, then the answer, then the rules and timing on the side", async () => {
    const { out, err, options } = printer();
    const result = await printAnswer(events(...answer), new AbortController().signal, options);
    expect(out.text).toBe(
      "── reasoning ──\nOkay, 2 + 2 is 4.\n── answer ──\nThe answer is \\(\\boxed{4}\\)\n",
    );
    expect(err.text).toMatch(
      /^R1 rules: temperature 0\.6 · top_p 0\.95\nTTFT \d+ ms · reasoning \d+ ms · answer \d+ ms · 12 tokens · [\d.]+ tokens\/s\n$/,
    );
    expect(result).toEqual({ stopped: false, error: undefined });
  });

  it("prints the answer alone without reasoning or rules", async () => {
    const { out, err, options } = printer({ showReasoning: false, showRules: false });
    await printAnswer(events(...answer), new AbortController().signal, options);
    expect(out.text).toBe("The answer is \\(\\boxed{4}\\)\n");
    expect(err.text).toMatch(/^TTFT /);
  });

  it("colours reasoning grey and rules dim on a terminal", async () => {
    const { out, err, options } = printer({ style: createStyle(true) });
    await printAnswer(events(...answer), new AbortController().signal, options);
    expect(out.text).toContain("\x1b[90mOkay, 2 + 2 is 4.\n\x1b[39m");
    expect(err.text).toContain("\x1b[2mR1 rules:");
  });

  it("says when the answer was cut off by max_tokens", async () => {
    const { err, options } = printer();
    await printAnswer(
      events(
        { type: "reasoning", text: "Hmm" },
        { type: "finish", completionTokens: 1, finishReason: "length" },
      ),
      new AbortController().signal,
      options,
    );
    expect(err.text).toMatch(/^\(cut off: the answer reached max_tokens\)\nTTFT /);
  });

  it("reports an error and a stop", async () => {
    const { err, options } = printer();
    const controller = new AbortController();
    controller.abort();
    const result = await printAnswer(
      events(
        { type: "reasoning", text: "Hmm" },
        { type: "error", message: "The model server is overloaded." },
      ),
      controller.signal,
      options,
    );
    expect(result).toMatchObject({ stopped: true, error: "The model server is overloaded." });
    expect(err.text).toMatch(
      /\(stopped\)\nThe model server is overloaded\.\nTTFT \d+ ms · reasoning \d+ ms · answer – · – tokens · – tokens\/s\n$/,
    );
  });
});

describe("AnswerTimer", () => {
  it("times the first token, the reasoning, the answer and the decode rate", () => {
    const clock = [100, 350, 400, 1350, 1400, 2350];
    const timer = new AnswerTimer(() => clock.shift() as number);
    timer.observe({ type: "rules", rules: [] });
    timer.observe({ type: "reasoning", text: "a" }); // 350
    timer.observe({ type: "reasoning", text: "b" }); // 400
    timer.observe({ type: "answer", text: "c" }); // 1350
    timer.observe({ type: "answer", text: "d" }); // 1400
    timer.observe({ type: "finish", completionTokens: 400 });
    expect(timer.finish()).toEqual({
      ttftMs: 250,
      reasoningMs: 1000,
      answerMs: 1000,
      totalMs: 2250,
      completionTokens: 400,
      tokensPerSecond: 200,
    });
  });

  it("has no reasoning time when the model skipped thinking", () => {
    const clock = [0, 10, 30];
    const timer = new AnswerTimer(() => clock.shift() as number);
    timer.observe({ type: "answer", text: "4" });
    expect(timer.finish()).toMatchObject({
      ttftMs: 10,
      reasoningMs: undefined,
      answerMs: 20,
      tokensPerSecond: undefined,
    });
  });

  it("formats durations and the timing line", () => {
    expect(formatDuration(12.4)).toBe("12 ms");
    expect(formatDuration(1520)).toBe("1.52 s");
    expect(formatDuration(null)).toBe("–");
    expect(
      formatTiming({
        ttftMs: 31,
        reasoningMs: 1520,
        answerMs: 840,
        totalMs: 2400,
        completionTokens: 262,
        tokensPerSecond: 111,
      }),
    ).toBe("TTFT 31 ms · reasoning 1.52 s · answer 840 ms · 262 tokens · 111.0 tokens/s");
  });
});

describe("terminal styling", () => {
  it("is on only for a terminal without NO_COLOR", () => {
    expect(colorWanted({ isTTY: true }, undefined)).toBe(true);
    expect(colorWanted({ isTTY: true }, "1")).toBe(false);
    expect(colorWanted({ isTTY: true }, "")).toBe(true);
    expect(colorWanted({ isTTY: false }, undefined)).toBe(false);
    expect(colorWanted({}, undefined)).toBe(false);
  });

  it("leaves text alone when off", () => {
    const style = createStyle(false);
    expect(style.grey("a") + style.red("b") + style.bold("c")).toBe("abc");
    expect(createStyle(true).grey("a")).toBe("\x1b[90ma\x1b[39m");
  });

  it("aligns table columns by their visible width", () => {
    const style = createStyle(true);
    expect(
      renderTable(
        [
          ["a", "count"],
          [style.green("long name"), "7"],
        ],
        new Set([1]),
      ),
    ).toBe(`a          count\n${style.green("long name")}      7`);
  });
});
