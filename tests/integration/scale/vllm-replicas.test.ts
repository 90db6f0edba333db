import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DoctorReport, runDoctor } from "@/lib/doctor";
import { parsePrometheusText, sumOf } from "@/lib/observability/prometheus-text";
import { type SimServer, startSimServer } from "@/lib/vllm-sim";
import { renderNginxTemplate, startNginx, type ThrowawayNginx } from "@/tests/support/nginx";
import { expectStatuses, finding } from "../doctor/helpers";
import { AppInstance } from "./app-instance";
import { OwnerClient, readUiChunks, whenStreaming } from "./owner-client";

/**
 * Debian's nginx with the deployment's config (deploy/nginx/vllm-upstream.conf) in front of two
 * simulated vLLM replicas, and a production app instance whose VLLM_BASE_URL is nginx.
 */
const TEMPLATE = "deploy/nginx/vllm-upstream.conf";
const GZIP_OFF = "gzip off;";

let replicas: SimServer[];
let app: AppInstance;

function nginxFor(servers: SimServer[], edit: (config: string) => string = (config) => config) {
  return startNginx((listen) =>
    edit(
      renderNginxTemplate(TEMPLATE, {
        VLLM_LISTEN: listen,
        VLLM_REPLICAS: servers.map((server) => `server ${new URL(server.url).host};`).join(" "),
      }),
    ),
  );
}

async function metric(replica: SimServer, name: string): Promise<number> {
  const samples = parsePrometheusText(await (await fetch(`${replica.url}/metrics`)).text());
  return sumOf(samples, name) ?? Number.NaN;
}
const running = (replica: SimServer) => metric(replica, "vllm:num_requests_running");
const served = (replica: SimServer) => metric(replica, "vllm:request_success_total");

const doctorThrough = (nginx: ThrowawayNginx): Promise<DoctorReport> =>
  runDoctor({ baseURL: `${nginx.url}/v1`, burst: 2 });

let nginx: ThrowawayNginx;

beforeAll(async () => {
  // About 2.5 s an answer: long enough for answers to overlap, short enough to read to the end.
  replicas = await Promise.all(
    [0, 1].map(() => startSimServer({ ttftMs: 10, itlMs: 5, reasoningTokens: 400 })),
  );
  nginx = await nginxFor(replicas);
  app = await AppInstance.start("app", {
    VLLM_BASE_URL: `${nginx.url}/v1`,
    DATA_DIR: mkdtempSync(join(tmpdir(), "r1-chat-replicas-")),
  });
}, 120_000);

afterAll(async () => {
  await app?.kill();
  await nginx?.stop();
  await Promise.all(replicas.map((replica) => replica.close()));
});

describe("nginx in front of two vLLM replicas", () => {
  it("streams answers through nginx, each to the replica with the fewest open streams", async () => {
    const browser = new OwnerClient();
    const first = await whenStreaming(await browser.ask(app.url, "replicas-first", "A long question"));
    // A short answer in between: taking turns would send the next long one back to the busy replica.
    const short = await readUiChunks(
      await browser.ask(app.url, "replicas-short", "Quick", { maxTokens: 20 }),
    );
    expect(short.at(-1)?.type).toBe("finish");
    const second = await whenStreaming(await browser.ask(app.url, "replicas-second", "Another long one"));

    expect(await Promise.all(replicas.map(running))).toEqual([1, 1]);
    const ends = await Promise.all([readUiChunks(first), readUiChunks(second)]);
    expect(ends.map((chunks) => chunks.at(-1)?.type)).toEqual(["finish", "finish"]);
  });

  it("passes the doctor's stream check", async () => {
    const report = await doctorThrough(nginx);
    expectStatuses(report, { chat: "ok", "stream-buffering": "ok", "stream-compression": "ok" });
  }, 60_000);

  it("is flagged by the doctor when compression is turned on for the stream", async () => {
    const compressing = await nginxFor(replicas, (config) => {
      expect(config).toContain(GZIP_OFF);
      return config.replace(GZIP_OFF, "gzip on; gzip_types text/event-stream;");
    });
    try {
      const report = await doctorThrough(compressing);
      expectStatuses(report, { chat: "ok", "stream-compression": "warn" });
      expect(finding(report, "stream-compression").fix).toContain("gzip off");
    } finally {
      await compressing.stop();
    }
  }, 60_000);

  it("routes around a replica killed between requests", async () => {
    const browser = new OwnerClient();
    const [killed, survivor] = replicas as [SimServer, SimServer];
    await killed.close();
    const servedBefore = await served(survivor);
    for (const question of ["After the crash", "Once more", "And again"]) {
      const chunks = await readUiChunks(
        await browser.ask(app.url, `replicas-${question.length}-${Date.now()}`, question, { maxTokens: 40 }),
      );
      expect(chunks.at(-1)?.type).toBe("finish");
    }
    expect((await served(survivor)) - servedBefore).toBe(3);
    const health = await (await fetch(`${app.url}/api/health`)).json();
    expect(health.status).toBe("ok");
  }, 60_000);
});
