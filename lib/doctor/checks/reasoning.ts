import type { ReasoningObservation } from "../reasoning-observation";
import type { RecordedStream } from "../sse-recorder";
import type { Finding } from "../types";

const PARSER_FIX =
  "Start vLLM with `--reasoning-parser deepseek_r1` (0.7.x–0.9.x also need `--enable-reasoning`). r1-chat copes without it (VLLM_REASONING=auto), but other OpenAI clients, like the article's `delta.content` loop, show the thinking as part of the answer.";

const TEMPLATE_FIX =
  "Use DeepSeek's current chat template, whose generation prompt ends with `<｜Assistant｜><think>\\n`: refresh the model's tokenizer_config.json from Hugging Face, or start vLLM with `--chat-template <file>` holding that template. Or set R1_FORCE_THINK_PREFIX=1 in r1-chat, which sends `<think>\\n` as an assistant prefix.";

/** Did a plain streamed chat request work at all? */
export function chatFinding(
  stream: RecordedStream,
  observation: ReasoningObservation,
  maxTokens: number,
): Finding {
  if (stream.error) {
    return {
      id: "chat",
      status: "fail",
      title: "Chat completion failed",
      detail: `A short streamed /v1/chat/completions request failed: ${stream.error}.`,
      fix: "Read vLLM's log around this request; the checks that need a working chat were skipped.",
    };
  }
  const tokens = observation.completionTokens ?? "?";
  const cut =
    observation.finishReason === "length"
      ? ` It stopped at max_tokens=${maxTokens}, as the doctor asks for a bounded answer.`
      : "";
  return {
    id: "chat",
    status: "ok",
    title: "Chat completion streams",
    detail: `A short question streamed ${tokens} tokens and ended with finish_reason "${observation.finishReason ?? "?"}" and [DONE].${cut}`,
  };
}

const FIELD_DETAIL: Record<Exclude<ReasoningObservation["field"], "none">, string> = {
  reasoning: "Reasoning arrives in the `reasoning` field (vLLM ≥ 0.16).",
  both: "Reasoning arrives in `reasoning` and its copy `reasoning_content` (vLLM 0.11.1–0.15).",
  reasoning_content:
    "Reasoning arrives in `reasoning_content` (vLLM ≤ 0.11.0). r1-chat reads it; clients written for current vLLM read `reasoning`.",
};

/** The parser moves R1's thinking out of `content`; without it a literal `</think>` shows in the answer. */
export function parserFinding(observation: ReasoningObservation): Finding {
  const { field, content, finishReason } = observation;
  if (field !== "none") {
    return {
      id: "reasoning-parser",
      status: "ok",
      title: `Reasoning parser on (${field})`,
      detail: FIELD_DETAIL[field],
    };
  }
  if (content.includes("</think>") || content.trimStart().startsWith("<think>")) {
    return {
      id: "reasoning-parser",
      status: "warn",
      title: "Reasoning parser off",
      detail: "No reasoning field: the thinking arrives inline in `content`, ended by a literal </think>.",
      fix: PARSER_FIX,
    };
  }
  if (finishReason === "length") {
    return {
      id: "reasoning-parser",
      status: "info",
      title: "Reasoning parser: inconclusive",
      detail:
        "No reasoning field and no </think> before the answer was cut at max_tokens: the thinking may simply not have ended yet.",
    };
  }
  return {
    id: "reasoning-parser",
    status: "warn",
    title: "No reasoning at all",
    detail:
      "No reasoning field and no </think> in a complete answer: the parser is off (with it on, R1's output always starts as reasoning) and the model did not think.",
    fix: PARSER_FIX,
  };
}

function templateProblem(detail: string): Finding {
  return {
    id: "chat-template",
    status: "warn",
    title: "Answers do not start with thinking",
    detail: `${detail} The chat template does not end the prompt with <think>\\n, so R1 decides by itself whether to think and sometimes skips it.`,
    fix: TEMPLATE_FIX,
  };
}

const TEMPLATE_OK: Finding = {
  id: "chat-template",
  status: "ok",
  title: "Answers start with thinking",
  detail: "The output begins inside the reasoning: the chat template opens <think>\\n in the prompt.",
};

/**
 * DeepSeek's current template puts `<think>\n` in the prompt, so the output starts straight into the
 * thinking. With the old one the model writes `<think>\n` itself (or skips thinking): inline that
 * shows as content starting with `<think>`; through the parser, which swallows the tag, as reasoning
 * starting with the model's newline.
 */
export function templateFinding(observation: ReasoningObservation): Finding {
  const { field, reasoning, content, firstText, finishReason } = observation;
  if (field !== "none") {
    if (!reasoning.trim()) return templateProblem("The reasoning was empty.");
    if (firstText === "content") return templateProblem("The answer began before any reasoning.");
    if (reasoning.startsWith("\n") || reasoning.includes("<think>")) {
      return templateProblem("The reasoning starts with the newline R1 writes after its own <think>.");
    }
    return TEMPLATE_OK;
  }
  if (content.trimStart().startsWith("<think>")) return templateProblem("The output starts with <think>.");
  const end = content.indexOf("</think>");
  if (end >= 0)
    return content.slice(0, end).trim() ? TEMPLATE_OK : templateProblem("The thinking was empty.");
  if (finishReason === "length") {
    return {
      id: "chat-template",
      status: "info",
      title: "Chat template: inconclusive",
      detail:
        "The output did not open <think>, but it was cut before any </think>, so it is unclear whether it was thinking.",
    };
  }
  return templateProblem("The answer had no thinking at all.");
}
