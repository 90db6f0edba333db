import type { LanguageModelV3StreamPart } from "@ai-sdk/provider";
import type { LanguageModelMiddleware } from "ai";
import { type SplitPiece, ThinkSplitter } from "./think-splitter";

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
      return { ...result, stream: result.stream.pipeThrough(inlineReasoningTransform(mode)) };
    },
  };
}

function inlineReasoningTransform(
  mode: "auto" | "inline",
): TransformStream<LanguageModelV3StreamPart, LanguageModelV3StreamPart> {
  let decided: "parser" | "inline" | undefined = mode === "inline" ? "inline" : undefined;
  let leadingWhitespace = "";
  const splitter = new ThinkSplitter();
  let reasoningOpen = false;
  let textOpen = false;

  const emit = (
    controller: TransformStreamDefaultController<LanguageModelV3StreamPart>,
    pieces: SplitPiece[],
  ) => {
    for (const piece of pieces) {
      if (piece.kind === "reasoning") {
        if (!reasoningOpen) {
          controller.enqueue({ type: "reasoning-start", id: REASONING_ID });
          reasoningOpen = true;
        }
        controller.enqueue({ type: "reasoning-delta", id: REASONING_ID, delta: piece.text });
      } else {
        closeReasoning(controller);
        if (!textOpen) {
          controller.enqueue({ type: "text-start", id: TEXT_ID });
          textOpen = true;
        }
        controller.enqueue({ type: "text-delta", id: TEXT_ID, delta: piece.text });
      }
    }
  };
  const closeReasoning = (controller: TransformStreamDefaultController<LanguageModelV3StreamPart>) => {
    if (!reasoningOpen) return;
    controller.enqueue({ type: "reasoning-end", id: REASONING_ID });
    reasoningOpen = false;
  };
  const finishInline = (controller: TransformStreamDefaultController<LanguageModelV3StreamPart>) => {
    emit(controller, splitter.flush());
    closeReasoning(controller);
    if (textOpen) {
      controller.enqueue({ type: "text-end", id: TEXT_ID });
      textOpen = false;
    }
  };

  return new TransformStream({
    transform(part, controller) {
      if (decided === "parser") {
        controller.enqueue(part);
        return;
      }
      switch (part.type) {
        case "reasoning-start":
        case "reasoning-delta":
        case "reasoning-end":
          if (decided === undefined) decided = "parser";
          controller.enqueue(part);
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
            const blankLineFirst = /^\s*\n\s*\n/.test(text) && !text.trimStart().startsWith("<");
            decided = blankLineFirst ? "parser" : "inline";
            leadingWhitespace = "";
            if (decided === "parser") {
              controller.enqueue({ type: "text-start", id: part.id });
              controller.enqueue({ ...part, delta: text });
              return;
            }
            emit(controller, splitter.push(text));
            return;
          }
          emit(controller, splitter.push(part.delta));
          return;
        }
        case "text-end":
          finishInline(controller);
          return;
        case "finish":
        case "error":
          finishInline(controller);
          controller.enqueue(part);
          return;
        default:
          controller.enqueue(part);
      }
    },
    flush(controller) {
      if (decided !== "parser") finishInline(controller);
    },
  });
}
