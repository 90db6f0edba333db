import { AnswerTimer } from "@/lib/cli/answer-timer";
import type { ConnectedUpstream } from "@/lib/cli/upstream";
import type { UpstreamTarget } from "@/lib/cli/upstream-options";
import { streamFromUpstream, type UpstreamRequest } from "@/lib/cli/upstream-stream";
import { applyR1Rules } from "@/lib/r1/rules";
import type { AskModel, EvalMode, ModelReply } from "./runner";

export interface AskSettings {
  /** Requested max_tokens; unset, the R1 rules use their default and raw requests the server's. */
  maxTokens?: number;
  timeoutMs: number;
}

/** Asks the model server one question per call, as the app would (`r1-rules`) or bare (`raw`). */
export function createUpstreamAsker(
  upstream: ConnectedUpstream,
  target: UpstreamTarget,
  { maxTokens, timeoutMs }: AskSettings,
): AskModel {
  const requestFor = (question: string, mode: EvalMode): UpstreamRequest => {
    if (mode === "raw") return { messages: [{ role: "user", content: question }], maxTokens };
    const plan = applyR1Rules(
      { turns: [{ role: "user", content: question }], maxTokens },
      {
        maxModelLen: upstream.model.maxModelLen,
        defaultMaxTokens: target.defaultMaxTokens,
        forceThinkPrefix: target.forceThinkPrefix,
      },
    );
    return {
      messages: plan.messages,
      temperature: plan.temperature,
      topP: plan.topP,
      maxTokens: plan.maxTokens,
      continueFinalMessage: plan.continueFinalMessage,
    };
  };

  return async (question, mode): Promise<ModelReply> => {
    const timer = new AnswerTimer();
    const signal = AbortSignal.timeout(timeoutMs);
    let answerText = "";
    let error: string | undefined;
    try {
      for await (const event of streamFromUpstream(
        upstream,
        target.reasoningMode,
        requestFor(question, mode),
        signal,
      )) {
        timer.observe(event);
        if (event.type === "answer") answerText += event.text;
        else if (event.type === "error") error = event.message;
      }
    } catch (failure) {
      error = failure instanceof Error ? failure.message : String(failure);
    }
    if (signal.aborted) error ??= `no complete answer within ${timeoutMs / 1000} s`;
    const { ttftMs, totalMs, completionTokens } = timer.finish();
    return { answerText, ttftMs, totalMs, completionTokens, error };
  };
}
