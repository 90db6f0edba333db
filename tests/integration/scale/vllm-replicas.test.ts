import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DoctorReport, runDoctor } from "@/lib/doctor";
import { engineLoad } from "@/lib/doctor/prometheus";
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

async function running(replica: SimServer): Promise<number> {
  return engineLoad(await (await fetch(`${replica.url}/metrics`)).text()).running ?? Number.NaN;
}

const doctorThrough = (nginx: ThrowawayNginx): Promise<DoctorReport> =>
  runDoctor({ baseURL: `${nginx.url}/v1`, burst: 2 });

let nginx: ThrowawayNginx;

beforeAll(async () => {
  // About 1.5 s an answer: long enough for two to overlap, short enough to read to the end.
  replicas = await Promise.all(
    [0, 1].map(() => startSimServer({ ttftMs: 10, itlMs: 5, reasoningTokens: 200 })),
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
  it("streams answers through nginx, each concurrent one on its own replica", async () => {
    const browser = new OwnerClient();
    const first = await whenStreaming(await browser.ask(app.url, "replicas-first", "First question"));
    const second = await whenStreaming(await browser.ask(app.url, "replicas-second", "Second question"));

    // least_conn: the second stream goes to the replica that is not busy with the first.
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
    for (const question of ["After the crash", "Once more", "And again"]) {
      const chunks = await readUiChunks(
        await browser.ask(app.url, `replicas-${question.length}-${Date.now()}`, question, { maxTokens: 40 }),
      );
      expect(chunks.at(-1)?.type).toBe("finish");
    }
    expect(await running(survivor)).toBe(0);
    const health = await (await fetch(`${app.url}/api/health`)).json();
    expect(health.status).toBe("ok");
  }, 60_000);
});
