import { isChinese } from "./language";
import { alreadyAsksForBoxedAnswer, isMathQuestion, MATH_DIRECTIVE_EN, MATH_DIRECTIVE_ZH } from "./maths";
import { estimateTokens, safetyMargin, TEMPLATE_TOKENS_FIXED, TEMPLATE_TOKENS_PER_TURN } from "./tokens";

/** DeepSeek's usage recommendations for R1 and its distills (deepseek-ai/DeepSeek-R1, "Usage Recommendations"). */
export const R1_TEMPERATURE = { default: 0.6, min: 0.5, max: 0.7 } as const;
export const R1_TOP_P = 0.95;
export const THINK_PREFIX = "<think>\n";

export type ConversationTurn =
  | { role: "system"; content: string }
  | { role: "user"; content: string }
  | { role: "assistant"; content: string; reasoning?: string };

export interface R1Input {
  turns: ConversationTurn[];
  /** A persona or instruction from the page or the widget; R1 must not get it as a system message. */
  persona?: string;
  temperature?: number;
  maxTokens?: number;
}

export interface R1Limits {
  maxModelLen: number;
  defaultMaxTokens: number;
  /** Set when the upstream's chat template does not already end the prompt with `<think>\n`. */
  forceThinkPrefix: boolean;
}

export type AppliedRuleId =
  | "temperature-default"
  | "temperature-clamped"
  | "top-p"
  | "system-folded"
  | "math-directive"
  | "reasoning-stripped"
  | "think-prefix"
  | "max-tokens-bounded";

export interface AppliedRule {
  id: AppliedRuleId;
  detail: string;
}

export type UpstreamMessage = { role: "user" | "assistant"; content: string };

export interface R1Plan {
  messages: UpstreamMessage[];
  temperature: number;
  topP: number;
  maxTokens: number;
  /** Ask the upstream to continue the final assistant message (`<think>\n`) instead of opening a new one. */
  continueFinalMessage: boolean;
  promptTokensEstimate: number;
  applied: AppliedRule[];
}

export class PromptTooLongError extends Error {
  constructor(
    readonly promptTokensEstimate: number,
    readonly maxModelLen: number,
  ) {
    super(
      `The conversation is about ${promptTokensEstimate} tokens long, which leaves no room for an answer in the model's ${maxModelLen}-token context. Start a new conversation or shorten the message.`,
    );
    this.name = "PromptTooLongError";
  }
}

/** Room kept free for at least a short answer, so a bounded max_tokens is never uselessly small. */
const MIN_ANSWER_TOKENS = 16;

export function applyR1Rules(input: R1Input, limits: R1Limits): R1Plan {
  const applied: AppliedRule[] = [];

  const temperature = chooseTemperature(input.temperature, applied);
  applied.push({ id: "top-p", detail: `top_p ${R1_TOP_P}` });

  const systemText = input.turns.filter((turn) => turn.role === "system").map((turn) => turn.content);
  if (input.persona?.trim()) systemText.unshift(input.persona.trim());

  let strippedReasoning = 0;
  let directivesAdded = 0;
  const messages: UpstreamMessage[] = [];
  for (const turn of input.turns) {
    if (turn.role === "system") continue;
    if (turn.role === "assistant") {
      const answer = stripReasoning(turn.content);
      if (answer !== turn.content || turn.reasoning) strippedReasoning++;
      messages.push({ role: "assistant", content: answer });
      continue;
    }
    const withDirective = addMathDirective(turn.content);
    if (withDirective !== turn.content) directivesAdded++;
    messages.push({ role: "user", content: withDirective });
  }

  const firstUser = messages.find((message) => message.role === "user");
  const instructions = systemText.map((text) => text.trim()).filter(Boolean);
  if (firstUser && instructions.length > 0) {
    firstUser.content = `${instructions.join("\n\n")}\n\n${firstUser.content}`;
    applied.push({
      id: "system-folded",
      detail: `${instructions.length} system instruction${instructions.length > 1 ? "s" : ""} moved into the first user message`,
    });
  }
  if (directivesAdded > 0) {
    applied.push({
      id: "math-directive",
      detail: `asked for step-by-step reasoning and a \\boxed{} answer (${directivesAdded} question${directivesAdded > 1 ? "s" : ""})`,
    });
  }
  if (strippedReasoning > 0) {
    applied.push({
      id: "reasoning-stripped",
      detail: `reasoning of ${strippedReasoning} earlier answer${strippedReasoning > 1 ? "s" : ""} left out of the prompt`,
    });
  }

  if (limits.forceThinkPrefix) {
    messages.push({ role: "assistant", content: THINK_PREFIX });
    applied.push({
      id: "think-prefix",
      detail: "answer forced to start with <think> (continue_final_message)",
    });
  } else {
    applied.push({ id: "think-prefix", detail: "the chat template starts the answer with <think>" });
  }

  const promptTokensEstimate =
    TEMPLATE_TOKENS_FIXED +
    messages.reduce((sum, message) => sum + estimateTokens(message.content) + TEMPLATE_TOKENS_PER_TURN, 0);
  const room = limits.maxModelLen - promptTokensEstimate - safetyMargin(promptTokensEstimate);
  if (room < MIN_ANSWER_TOKENS) throw new PromptTooLongError(promptTokensEstimate, limits.maxModelLen);
  const wanted = input.maxTokens ?? limits.defaultMaxTokens;
  const maxTokens = Math.min(wanted, room);
  if (maxTokens < wanted) {
    applied.push({
      id: "max-tokens-bounded",
      detail: `max_tokens ${wanted} → ${maxTokens} to fit the ${limits.maxModelLen}-token context`,
    });
  }

  return {
    messages,
    temperature,
    topP: R1_TOP_P,
    maxTokens,
    continueFinalMessage: limits.forceThinkPrefix,
    promptTokensEstimate,
    applied,
  };
}

function chooseTemperature(requested: number | undefined, applied: AppliedRule[]): number {
  if (requested === undefined) {
    applied.push({ id: "temperature-default", detail: `temperature ${R1_TEMPERATURE.default}` });
    return R1_TEMPERATURE.default;
  }
  const clamped = Math.min(R1_TEMPERATURE.max, Math.max(R1_TEMPERATURE.min, requested));
  if (clamped !== requested) {
    applied.push({
      id: "temperature-clamped",
      detail: `temperature ${requested} → ${clamped} (R1 repeats itself or rambles outside 0.5–0.7)`,
    });
  }
  return clamped;
}

/** Keeps only the answer of an earlier turn, as the R1 template itself does with `split('</think>')[-1]`. */
export function stripReasoning(content: string): string {
  const end = content.lastIndexOf("</think>");
  return end === -1 ? content : content.slice(end + "</think>".length).replace(/^\s+/, "");
}

export function addMathDirective(question: string): string {
  if (!isMathQuestion(question) || alreadyAsksForBoxedAnswer(question)) return question;
  const directive = isChinese(question) ? MATH_DIRECTIVE_ZH : MATH_DIRECTIVE_EN;
  return `${question.trimEnd()}\n${directive}`;
}
