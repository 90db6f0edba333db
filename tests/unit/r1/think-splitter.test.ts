import { describe, expect, it } from "vitest";
import { type SplitPiece, ThinkSplitter } from "@/lib/r1/think-splitter";

function run(chunks: string[]) {
  const splitter = new ThinkSplitter();
  const pieces: SplitPiece[] = [...chunks.flatMap((chunk) => splitter.push(chunk)), ...splitter.flush()];
  const join = (kind: SplitPiece["kind"]) =>
    pieces
      .filter((piece) => piece.kind === kind)
      .map((piece) => piece.text)
      .join("");
  return { reasoning: join("reasoning"), answer: join("answer"), pieces };
}

describe("ThinkSplitter", () => {
  it("splits at a literal </think> with no opening tag (the current R1 template)", () => {
    const out = run(["Okay, so", " 2+2.\n", "</think>", "\n\n", "It is 4."]);
    expect(out).toMatchObject({ reasoning: "Okay, so 2+2.\n", answer: "\n\nIt is 4." });
  });

  it("handles a closing tag split across chunks", () => {
    expect(run(["Hmm </th", "ink>\n\nDone"])).toMatchObject({ reasoning: "Hmm ", answer: "\n\nDone" });
    expect(run(["Hmm <", "/", "think", ">", "Done"])).toMatchObject({ reasoning: "Hmm ", answer: "Done" });
  });

  it("drops an opening <think> emitted by older templates", () => {
    expect(run(["<thi", "nk>\nOkay", "</think>Yes"])).toMatchObject({ reasoning: "\nOkay", answer: "Yes" });
  });

  it("streams reasoning without waiting for the end", () => {
    const splitter = new ThinkSplitter();
    expect(splitter.push("Okay, let")).toEqual([{ kind: "reasoning", text: "Okay, let" }]);
  });

  it("treats everything as reasoning when the output stops before </think>", () => {
    expect(run(["Still thinking <", "/thi"])).toMatchObject({
      reasoning: "Still thinking </thi",
      answer: "",
    });
  });

  it("keeps a later literal </think> in the answer", () => {
    expect(run(["a</think>b </think> c"])).toMatchObject({ reasoning: "a", answer: "b </think> c" });
  });
});
