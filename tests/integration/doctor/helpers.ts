import { expect } from "vitest";
import {
  type DoctorOptions,
  type DoctorReport,
  type FindingId,
  type FindingStatus,
  runDoctor,
} from "@/lib/doctor";
import { type SimOptionsInput, startSimServer } from "@/lib/vllm-sim";

/**
 * Quick but realistic timings: a few ms per token keeps chunks apart as on a GPU, and short traces
 * keep each doctor run around a second.
 */
export const QUICK_SIM: SimOptionsInput = { ttftMs: 5, itlMs: 2, reasoningTokens: 40, seed: 11 };

/** Starts a simulator with `simOptions`, runs the doctor against it, and stops the simulator. */
export async function doctorAgainstSim(
  simOptions: SimOptionsInput = {},
  doctorOptions: Partial<DoctorOptions> = {},
): Promise<DoctorReport> {
  const sim = await startSimServer({ ...QUICK_SIM, ...simOptions });
  try {
    return await runDoctor({ baseURL: `${sim.url}/v1`, ...doctorOptions });
  } finally {
    await sim.close();
  }
}

export function finding(report: DoctorReport, id: FindingId) {
  const found = report.findings.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no "${id}" finding in ${report.findings.map((f) => f.id).join(", ")}`);
  return found;
}

/** Asserts the statuses of the given findings, showing the whole finding when one differs. */
export function expectStatuses(
  report: DoctorReport,
  expected: Partial<Record<FindingId, FindingStatus>>,
): void {
  for (const [id, status] of Object.entries(expected)) {
    const found = finding(report, id as FindingId);
    expect(found, `${id}: ${found.title}: ${found.detail}`).toMatchObject({ status });
  }
}
