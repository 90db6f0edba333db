import {
  ASSISTANT_TOKEN,
  BOS_TOKEN,
  EOS_TOKEN,
  THINK_END_TOKEN,
  THINK_START_TOKEN,
  TOOL_OUTPUT_BEGIN_TOKEN,
  TOOL_OUTPUT_END_TOKEN,
  TOOL_OUTPUTS_BEGIN_TOKEN,
  TOOL_OUTPUTS_END_TOKEN,
  USER_TOKEN,
} from "./tokenizer";

export interface TemplateMessage {
  role: string;
  content: string;
}

export interface TemplateFlags {
  addGenerationPrompt: boolean;
  continueFinalMessage: boolean;
  /** The generation prompt opens `<think>\n` (default); false renders the original January template. */
  thinkInGenerationPrompt?: boolean;
}

/**
 * Renders the DeepSeek-R1-Distill chat template (post-2025-02-09 version, reference §6):
 * the last system message first, no separators between turns, earlier reasoning stripped
 * from assistant turns, and a generation prompt that already opens `<think>`.
 */
export function renderR1Prompt(messages: readonly TemplateMessage[], flags: TemplateFlags): string {
  const system = messages.findLast((message) => message.role === "system")?.content ?? "";
  let prompt = BOS_TOKEN + system;
  let inToolOutputs = false;
  messages.forEach((message, index) => {
    const isFinal = index === messages.length - 1;
    if (message.role === "user") {
      inToolOutputs = false;
      prompt += USER_TOKEN + message.content;
    } else if (message.role === "assistant") {
      const answer = message.content.split(THINK_END_TOKEN).at(-1) ?? "";
      const closing = flags.continueFinalMessage && isFinal ? "" : EOS_TOKEN;
      prompt += (inToolOutputs ? TOOL_OUTPUTS_END_TOKEN : ASSISTANT_TOKEN) + answer + closing;
      inToolOutputs = false;
    } else if (message.role === "tool") {
      prompt += `${inToolOutputs ? "\n" : TOOL_OUTPUTS_BEGIN_TOKEN}${TOOL_OUTPUT_BEGIN_TOKEN}${message.content}${TOOL_OUTPUT_END_TOKEN}`;
      inToolOutputs = true;
    }
  });
  if (inToolOutputs) prompt += TOOL_OUTPUTS_END_TOKEN;
  else if (flags.addGenerationPrompt) {
    prompt +=
      flags.thinkInGenerationPrompt === false ? ASSISTANT_TOKEN : `${ASSISTANT_TOKEN}${THINK_START_TOKEN}\n`;
  }
  return prompt;
}

/** Whether the prompt leaves the model inside a thinking block (a `<think>` with no `</think>` after it). */
export function endsInsideThink(prompt: string): boolean {
  return prompt.lastIndexOf(THINK_START_TOKEN) > prompt.lastIndexOf(THINK_END_TOKEN);
}
