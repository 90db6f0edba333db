import { mulberry32 } from "../../lib/vllm-sim/prng";
import type { ResponseText } from "../../lib/vllm-sim/responses";
import { planTokens } from "../../lib/vllm-sim/token-plan";

/** The tokens the simulator streams for a scripted reply, in order; the baseline page replays the same. */
export interface StreamPlan {
  tokens: string[];
  /** Tokens before `</think>`: the answer starts right after it. */
  reasoningTokens: number;
}

export function streamPlanFor(reply: ResponseText): StreamPlan {
  // The seed only decides how non-ASCII characters split into partial tokens; the fixture has none.
  const plan = planTokens(reply, mulberry32(0));
  return { tokens: [...plan.tokens], reasoningTokens: plan.thinkEndIndex };
}
