import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runDoctor } from "@/lib/doctor";
import { type SimServer, startSimServer } from "@/lib/vllm-sim";
import { type ProxyMode, startProxy } from "./buffering-proxy";
import { doctorAgainstSim, expectStatuses, finding, QUICK_SIM } from "./helpers";

describe("the doctor on a lumpy stream", () => {
  it("blames vLLM's --stream-interval when each event carries many tokens", async () => {
    const report = await doctorAgainstSim({ streamInterval: 16 }, { burst: 2 });
    const buffering = finding(report, "stream-buffering");
    expect(buffering.status).toBe("warn");
    expect(buffering.title).toContain("vLLM batches them");
    expect(buffering.detail).toContain("--stream-interval 16");
    expect(buffering.fix).toContain("--stream-interval");
  });

  describe("behind a proxy", () => {
    let sim: SimServer;
    beforeAll(async () => {
      sim = await startSimServer(QUICK_SIM);
    });
    afterAll(() => sim.close());

    const throughProxy = async (mode: ProxyMode) => {
      const proxy = await startProxy(sim.url, mode);
      try {
        return await runDoctor({ baseURL: `${proxy.url}/v1`, burst: 2 });
      } finally {
        await proxy.close();
      }
    };

    it("blames a proxy that holds events back and releases them in lumps", async () => {
      const report = await throughProxy({ kind: "buffer", bufferBytes: 4096 });
      const buffering = finding(report, "stream-buffering");
      expect(buffering.status).toBe("warn");
      expect(buffering.title).toContain("a proxy buffers");
      expect(buffering.detail).toContain("not vLLM's --stream-interval");
      expect(buffering.fix).toContain("proxy_buffering off");
    });

    it("fails a stream that arrives all at once", async () => {
      const report = await throughProxy({ kind: "whole" });
      const buffering = finding(report, "stream-buffering");
      expect(buffering.status).toBe("fail");
      expect(buffering.detail).toContain("Content-Length");
      expect(report.passed).toBe(false);
    });

    it("spots gzip on the event stream", async () => {
      const report = await throughProxy({ kind: "gzip" });
      expectStatuses(report, { "stream-compression": "warn", chat: "ok" });
      expect(finding(report, "stream-buffering").status).not.toBe("ok");
      expect(finding(report, "stream-compression").fix).toContain("gzip off");
    });
  });
});
