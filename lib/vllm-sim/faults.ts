import { z } from "zod";

/** Request header that injects faults into one request; overrides the server's `defaultFault`. */
export const FAULT_HEADER = "x-sim-fault";

export interface Stall {
  afterTokens: number;
  ms: number;
}

export interface FaultPlan {
  /** Reply with this HTTP status and a vLLM error body instead of generating. */
  refuseStatus?: number;
  /** Send the mid-stream error event (then `[DONE]`) once this many tokens were generated. */
  errorAfterTokens?: number;
  /** Destroy the socket once this many tokens were generated. */
  cutAfterTokens?: number;
  stalls: Stall[];
  extraFirstTokenMs: number;
}

export const NO_FAULTS: FaultPlan = { stalls: [], extraFirstTokenMs: 0 };

export const FAULT_GRAMMAR =
  "a comma-separated list of refuse:<status 400-599>, error-after:<tokens>, stall:<ms>@<tokens>, cut-after:<tokens>, slow-first-token:<ms>, or none";

type FaultApplier = (plan: FaultPlan, first: number, second: number) => void;

const FAULT_FORMS: ReadonlyArray<readonly [RegExp, FaultApplier]> = [
  [/^none$/, () => {}],
  [
    /^refuse:([45]\d\d)$/,
    (plan, status) => {
      plan.refuseStatus = status;
    },
  ],
  [
    /^error-after:(\d+)$/,
    (plan, tokens) => {
      plan.errorAfterTokens = tokens;
    },
  ],
  [
    /^cut-after:(\d+)$/,
    (plan, tokens) => {
      plan.cutAfterTokens = tokens;
    },
  ],
  [
    /^stall:(\d+)@(\d+)$/,
    (plan, ms, afterTokens) => {
      plan.stalls.push({ ms, afterTokens });
    },
  ],
  [
    /^slow-first-token:(\d+)$/,
    (plan, ms) => {
      plan.extraFirstTokenMs += ms;
    },
  ],
];

function applyFault(plan: FaultPlan, fault: string): boolean {
  for (const [pattern, apply] of FAULT_FORMS) {
    const match = pattern.exec(fault);
    if (match) {
      apply(plan, Number(match[1]), Number(match[2]));
      return true;
    }
  }
  return false;
}

/** Parses a fault spec such as `stall:500@10,error-after:40` into a plan. */
export const faultSpecSchema = z.string().transform((spec, ctx): FaultPlan => {
  const plan: FaultPlan = { stalls: [], extraFirstTokenMs: 0 };
  for (const fault of spec.split(",").map((part) => part.trim())) {
    if (!applyFault(plan, fault)) {
      ctx.addIssue({ code: "custom", message: `Invalid fault "${fault}": expected ${FAULT_GRAMMAR}.` });
      return z.NEVER;
    }
  }
  plan.stalls.sort((a, b) => a.afterTokens - b.afterTokens);
  return plan;
});
