import "server-only";
import { getConfig } from "@/lib/config";
import { type DoctorReport, runDoctor } from "@/lib/doctor";
import { serverRoot } from "@/lib/upstream/model-server";
import { resolveUpstream } from "@/lib/upstream/upstream";

export type PublicDoctorReport = Omit<DoctorReport, "baseURL">;

const KEY = Symbol.for("r1-chat.doctor-run");
type Holder = { [KEY]?: { finishedAt?: number; run: Promise<PublicDoctorReport> } };
/** A fresh result is served again for this long: the doctor sends a burst of requests to the GPU server. */
const REUSE_MS = 30_000;

/**
 * Runs the deployment doctor against the configured upstream for the /status page: one run at a time,
 * recent results reused, and the upstream's address left out of what the browser gets.
 */
export function doctorForStatusPage(): Promise<PublicDoctorReport> {
  const holder = globalThis as Holder;
  const current = holder[KEY];
  if (current && (current.finishedAt === undefined || Date.now() - current.finishedAt < REUSE_MS))
    return current.run;
  const entry: NonNullable<Holder[typeof KEY]> = {
    run: (async () => {
      const config = getConfig();
      const upstream = await resolveUpstream(config);
      const { baseURL: _hidden, ...report } = await runDoctor({
        baseURL: upstream.baseURL,
        apiKey: upstream.apiKey,
        model: config.VLLM_MODEL,
      });
      // Findings name the URLs they checked; the browser learns what was checked, not where.
      const redacted = JSON.stringify(report).replaceAll(serverRoot(upstream), "the model server");
      return JSON.parse(redacted) as PublicDoctorReport;
    })().finally(() => {
      entry.finishedAt = Date.now();
    }),
  };
  holder[KEY] = entry;
  return entry.run;
}
