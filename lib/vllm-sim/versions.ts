/**
 * Wire details that changed between vLLM releases (see the protocol reference, sections 1.2–2.3).
 * Release boundaries are the ones the reference infers from PR merge dates.
 */

export type ReasoningFieldStyle =
  /** ≤0.11.0: `reasoning_content` only. */
  | "reasoning_content"
  /** 0.11.1–0.15.x: `reasoning` plus a validator-copied `reasoning_content` (often null) on every delta. */
  | "both"
  /** ≥0.16.0: `reasoning` only. */
  | "reasoning";

export interface VersionTraits {
  reasoningFields: ReasoningFieldStyle;
  /** ≤0.10.0 errors are `{"object":"error",...}` instead of `{"error":{...}}`. */
  flatErrors: boolean;
  /** ≥0.10.2 chunks carry `prompt_token_ids`/`token_ids` (null unless requested). */
  tokenIdFields: boolean;
  /** `random_uuid()` became 16 hex chars in ~0.12.0 (32 before). */
  randomIdHexLength: 16 | 32;
  /** ≥0.14 validation errors fill `param` and append ` (parameter=…, value=…)`; stream errors are typed. */
  detailedErrors: boolean;
  /** ≥0.21 `system_fingerprint` on the last chunk. */
  systemFingerprint: boolean;
  /** PR #42052 (2026-05-11) adds `prompt_text` to the first chunk; ~0.22 by release cadence. */
  promptTextField: boolean;
}

export const VERSION_PATTERN = /^\d+\.\d+\.\d+$/;

type VersionTuple = readonly [number, number, number];

function parseVersion(version: string): VersionTuple {
  const [major = 0, minor = 0, patch = 0] = version.split(".").map(Number);
  return [major, minor, patch];
}

function atLeast(version: VersionTuple, minimum: VersionTuple): boolean {
  for (let i = 0; i < 3; i++) {
    const a = version[i] ?? 0;
    const b = minimum[i] ?? 0;
    if (a !== b) return a > b;
  }
  return true;
}

export function versionTraits(version: string): VersionTraits {
  const v = parseVersion(version);
  let reasoningFields: ReasoningFieldStyle = "reasoning_content";
  if (atLeast(v, [0, 16, 0])) reasoningFields = "reasoning";
  else if (atLeast(v, [0, 11, 1])) reasoningFields = "both";
  return {
    reasoningFields,
    flatErrors: !atLeast(v, [0, 10, 1]),
    tokenIdFields: atLeast(v, [0, 10, 2]),
    randomIdHexLength: atLeast(v, [0, 12, 0]) ? 16 : 32,
    detailedErrors: atLeast(v, [0, 14, 0]),
    systemFingerprint: atLeast(v, [0, 21, 0]),
    promptTextField: atLeast(v, [0, 22, 0]),
  };
}
