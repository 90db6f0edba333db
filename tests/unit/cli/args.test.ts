import { describe, expect, it } from "vitest";
import { parseCommandLine, UsageError } from "@/lib/cli/args";
import { chatCommand } from "@/lib/cli/chat-command";
import { parseUpstreamEnv, resolveUpstreamTarget } from "@/lib/cli/upstream-options";
import { evalCommand } from "@/lib/eval/eval-command";

function options<T>(parsed: { help: true } | { help: false; options: T }): T {
  if (parsed.help) throw new Error("unexpected --help");
  return parsed.options;
}

function usageErrorOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error("expected a UsageError");
}

describe("chat command line", () => {
  it("joins the words of the question and applies defaults", () => {
    expect(options(parseCommandLine(chatCommand, ["What", "is", "2+2?"]))).toEqual({
      question: "What is 2+2?",
      reasoning: true,
      quiet: false,
    });
  });

  it("takes every flag, including negations", () => {
    const parsed = options(
      parseCommandLine(chatCommand, [
        "--url",
        "http://gpu:8000/v1/",
        "--api-key",
        "k",
        "--model",
        "m",
        "--reasoning-mode",
        "inline",
        "--force-think-prefix",
        "--max-tokens",
        "512",
        "--persona",
        "Be brief.",
        "--temperature",
        "0.9",
        "--no-reasoning",
        "-q",
        "解方程 x^2 = 4",
      ]),
    );
    expect(parsed).toEqual({
      url: "http://gpu:8000/v1",
      apiKey: "k",
      model: "m",
      reasoningMode: "inline",
      forceThinkPrefix: true,
      maxTokens: 512,
      persona: "Be brief.",
      temperature: 0.9,
      reasoning: false,
      quiet: true,
      question: "解方程 x^2 = 4",
    });
  });

  it("has no question in interactive mode, and answers --help", () => {
    expect(options(parseCommandLine(chatCommand, ["--bff", "http://localhost:3000"]))).toMatchObject({
      bff: "http://localhost:3000",
      question: undefined,
    });
    expect(parseCommandLine(chatCommand, ["--help"])).toEqual({ help: true });
  });

  it.each([
    [["--colour"], /Unknown option '--colour'/],
    [["--url"], /--url/],
    [["--url", "ftp://x"], /^--url: must be an http\(s\) URL/],
    [["--bff", "localhost:3000"], /^--bff: must be an http\(s\) URL/],
    [["--temperature", "hot"], /^--temperature: must be a number$/],
    [["--temperature", "3"], /^--temperature: must be between 0 and 2$/],
    [["--max-tokens", "1.5"], /^--max-tokens: must be a whole number$/],
    [["--max-tokens", "0"], /^--max-tokens: must be at least 1$/],
    [["--reasoning-mode", "raw"], /^--reasoning-mode: must be auto, parser or inline$/],
    [
      ["--bff", "http://localhost:3000", "--url", "http://gpu:8000/v1"],
      /^--url: cannot be combined with --bff/,
    ],
    [["--quiet=yes"], /--quiet/],
  ])("rejects %j", (argv, message) => {
    expect(usageErrorOf(() => parseCommandLine(chatCommand, argv))).toMatch(message);
  });
});

describe("eval command line", () => {
  it("defaults to five runs, four at a time, with the R1 rules", () => {
    expect(options(parseCommandLine(evalCommand, []))).toEqual({
      runs: 5,
      concurrency: 4,
      timeout: 600,
      json: false,
      modes: ["r1-rules"],
    });
  });

  it("runs raw or both modes", () => {
    expect(options(parseCommandLine(evalCommand, ["--no-r1-rules"])).modes).toEqual(["raw"]);
    expect(
      options(parseCommandLine(evalCommand, ["--compare", "--runs", "2", "--json", "--out", "r.json"])),
    ).toMatchObject({
      modes: ["r1-rules", "raw"],
      runs: 2,
      json: true,
      out: "r.json",
    });
  });

  it.each([
    [["--runs", "0"], /^--runs: must be at least 1$/],
    [["--runs", "five"], /^--runs: must be a number$/],
    [["--runs", "101"], /^--runs: must be at most 100$/],
    [["--concurrency=-1"], /^--concurrency: must be at least 1$/],
    [["--concurrency", "-1"], /Option '--concurrency' argument is ambiguous/],
    [["--timeout", "0"], /^--timeout: must be a positive number of seconds$/],
    [["--compare", "--no-r1-rules"], /^--compare: already runs with and without the R1 rules/],
    [["extra"], /Unexpected argument 'extra'/],
    [["--bff", "http://localhost:3000"], /Unknown option '--bff'/],
  ])("rejects %j", (argv, message) => {
    expect(usageErrorOf(() => parseCommandLine(evalCommand, argv))).toMatch(message);
  });
});

describe("upstream settings", () => {
  it("take flags over the environment, and the environment over defaults", () => {
    const env = parseUpstreamEnv({
      VLLM_BASE_URL: "http://env:8000/v1",
      VLLM_MODEL: "env-model",
      SIM_ITL_MS: "3",
    });
    expect(resolveUpstreamTarget({ model: "flag-model" }, env)).toEqual({
      url: "http://env:8000/v1",
      apiKey: undefined,
      model: "flag-model",
      reasoningMode: "auto",
      forceThinkPrefix: false,
      defaultMaxTokens: 32_768,
      simulator: { ttftMs: 30, itlMs: 3, reasoningParser: true, emulateVersion: "0.16.0" },
    });
    expect(resolveUpstreamTarget({}, parseUpstreamEnv({ VLLM_BASE_URL: "" })).url).toBeUndefined();
  });

  it("name the environment variable that is wrong", () => {
    expect(usageErrorOf(() => parseUpstreamEnv({ VLLM_BASE_URL: "gpu:8000" }))).toMatch(
      /^VLLM_BASE_URL: must be/,
    );
    expect(usageErrorOf(() => parseUpstreamEnv({ VLLM_REASONING: "yes" }))).toMatch(/^VLLM_REASONING: /);
  });
});
