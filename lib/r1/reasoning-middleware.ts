import type { LanguageModelV3StreamPart } from "@ai-sdk/provider";
import type { LanguageModelMiddleware } from "ai";
import { opensWithBlankLine, type SplitPiece, ThinkSplitter } from "./think-splitter";

/**
 * How reasoning reaches us: `parser` when vLLM runs `--reasoning-parser deepseek_r1` (reasoning fields),
 * `inline` when it does not (reasoning in `content`, ended by a literal `</think>`), `auto` to tell per stream.
 */
export type ReasoningMode = "auto" | "parser" | "inline";

const REASONING_ID = "r1-reasoning";
const TEXT_ID = "r1-text";

/**
 * Makes reasoning arrive as reasoning parts in every upstream mode. In `auto`, a stream whose first output
 * is a reasoning field came through a parser; one whose first output is content is inline reasoning, unless
 * it opens with a blank line, which is what a parser emits when the model skipped thinking altogether.
 */
export function r1ReasoningMiddleware(mode: ReasoningMode): LanguageModelMiddleware {
  return {
    specificationVersion: "v3",
    async wrapStream({ doStream }) {
      const result = await doStream();
      if (mode === "parser") return result;
      const rewriter = inlineReasoningRewriter(mode);
      const stream = result.stream.pipeThrough(
        new TransformStream<Part, Part>({
          transform: (part, controller) => rewriter.push(part, (out) => controller.enqueue(out)),
          flush: (controller) => rewriter.end((out) => controller.enqueue(out)),
        }),
      );
      return { ...result, stream };
    },
  };
}

type Part = LanguageModelV3StreamPart;
type Emit = (part: Part) => void;

/** Rewrites parts on their way through, in the same stream stage. */
interface PartRewriter {
  push(part: Part, emit: Emit): void;
  /** The stream ended: emit whatever was held back. */
  end(emit: Emit): void;
}

function inlineReasoningRewriter(mode: "auto" | "inline"): PartRewriter {
  let decided: "parser" | "inline" | undefined = mode === "inline" ? "inline" : undefined;
  let leadingWhitespace = "";
  const splitter = new ThinkSplitter();
  let reasoningOpen = false;
  let textOpen = false;

  const emitPieces = (enqueue: Emit, pieces: SplitPiece[]) => {
    for (const piece of pieces) {
      if (piece.kind === "reasoning") {
        if (!reasoningOpen) {
          enqueue({ type: "reasoning-start", id: REASONING_ID });
          reasoningOpen = true;
        }
        enqueue({ type: "reasoning-delta", id: REASONING_ID, delta: piece.text });
      } else {
        closeReasoning(enqueue);
        if (!textOpen) {
          enqueue({ type: "text-start", id: TEXT_ID });
          textOpen = true;
        }
        enqueue({ type: "text-delta", id: TEXT_ID, delta: piece.text });
      }
    }
  };
  const closeReasoning = (enqueue: Emit) => {
    if (!reasoningOpen) return;
    enqueue({ type: "reasoning-end", id: REASONING_ID });
    reasoningOpen = false;
  };
  const finishInline = (enqueue: Emit) => {
    emitPieces(enqueue, splitter.flush());
    closeReasoning(enqueue);
    if (textOpen) {
      enqueue({ type: "text-end", id: TEXT_ID });
      textOpen = false;
    }
  };

  return {
    push(part, enqueue) {
      if (decided === "parser") {
        enqueue(part);
        return;
      }
      switch (part.type) {
        case "reasoning-start":
        case "reasoning-delta":
        case "reasoning-end":
          if (decided === undefined) decided = "parser";
          enqueue(part);
          return;
        case "text-start":
          return;
        case "text-delta": {
          if (decided === undefined) {
            const text = leadingWhitespace + part.delta;
            if (text.trim() === "") {
              leadingWhitespace = text;
              return;
            }
            decided = opensWithBlankLine(text) ? "parser" : "inline";
            leadingWhitespace = "";
            if (decided === "parser") {
              enqueue({ type: "text-start", id: part.id });
              enqueue({ ...part, delta: text });
              return;
            }
            emitPieces(enqueue, splitter.push(text));
            return;
          }
          emitPieces(enqueue, splitter.push(part.delta));
          return;
        }
        case "text-end":
          finishInline(enqueue);
          return;
        case "finish":
        case "error":
          finishInline(enqueue);
          enqueue(part);
          return;
        default:
          enqueue(part);
      }
    },
    end(enqueue) {
      if (decided !== "parser") finishInline(enqueue);
    },
  };
}
