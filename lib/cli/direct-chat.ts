import { applyR1Rules, type ConversationTurn, PromptTooLongError, type R1Limits } from "@/lib/r1/rules";
import type { AnswerEvent, AnswerSettings, ChatSession } from "./answer-events";
import type { ConnectedUpstream } from "./upstream";
import type { UpstreamTarget } from "./upstream-options";
import { streamFromUpstream } from "./upstream-stream";

/** A conversation kept in memory and sent straight to the model server with the R1 rules applied. */
export class DirectChat implements ChatSession {
  readonly description: string;
  private turns: ConversationTurn[] = [];
  private readonly limits: R1Limits;

  constructor(
    private readonly upstream: ConnectedUpstream,
    private readonly target: UpstreamTarget,
    private readonly settings: AnswerSettings,
  ) {
    const where = upstream.simulated ? "the built-in simulator" : upstream.baseURL;
    this.description = `${upstream.model.id} at ${where}`;
    this.limits = {
      maxModelLen: upstream.model.maxModelLen,
      defaultMaxTokens: target.defaultMaxTokens,
      forceThinkPrefix: target.forceThinkPrefix,
    };
  }

  async *ask(question: string, signal: AbortSignal): AsyncGenerator<AnswerEvent> {
    const turns: ConversationTurn[] = [...this.turns, { role: "user", content: question }];
    let plan: ReturnType<typeof applyR1Rules>;
    try {
      plan = applyR1Rules({ turns, ...this.settings }, this.limits);
    } catch (error) {
      if (!(error instanceof PromptTooLongError)) throw error;
      yield { type: "error", message: error.message };
      return;
    }
    yield { type: "rules", rules: plan.applied };

    let reasoning = "";
    let answer = "";
    const events = streamFromUpstream(
      this.upstream,
      this.target.reasoningMode,
      {
        messages: plan.messages,
        temperature: plan.temperature,
        topP: plan.topP,
        maxTokens: plan.maxTokens,
        continueFinalMessage: plan.continueFinalMessage,
      },
      signal,
    );
    for await (const event of events) {
      if (event.type === "reasoning") reasoning += event.text;
      if (event.type === "answer") answer += event.text;
      yield event;
    }
    // A question stopped before any answer text is dropped with it: an empty reply would only confuse
    // the model on the next turn.
    if (answer) this.turns = [...turns, { role: "assistant", content: answer, reasoning }];
  }

  reset(): void {
    this.turns = [];
  }
}
