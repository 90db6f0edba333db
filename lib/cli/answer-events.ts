/** An R1 rule applied to the request, as `applyR1Rules` reports it and the BFF forwards it. */
export interface RuleNote {
  id: string;
  detail: string;
}

/** One answer as the CLIs see it, whether it comes from the model server directly or through the BFF. */
export type AnswerEvent =
  | { type: "rules"; rules: RuleNote[] }
  | { type: "reasoning"; text: string }
  | { type: "answer"; text: string }
  | { type: "finish"; completionTokens?: number; finishReason?: string }
  | { type: "error"; message: string };

/** What the user may ask for; the R1 rules still have the last word (e.g. temperature within 0.5–0.7). */
export interface AnswerSettings {
  persona?: string;
  temperature?: number;
  maxTokens?: number;
}

/** A conversation the chat REPL can talk to. */
export interface ChatSession {
  /** Where answers come from, for the greeting line. */
  readonly description: string;
  /** Streams the answer to a new question; aborting the signal stops it and ends the iteration quietly. */
  ask(question: string, signal: AbortSignal): AsyncIterable<AnswerEvent>;
  /** Forgets the conversation so the next question starts a new one. */
  reset(): void;
}
