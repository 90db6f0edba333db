import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parsePrometheusText, sumOf } from "@/lib/observability/prometheus-text";
import { Browser, loadRoutes } from "@/tests/support/routes";
import { readUiChunks, userMessage } from "@/tests/support/ui-stream";

let routes: Awaited<ReturnType<typeof loadRoutes>>;
let metricsRoute: typeof import("@/app/api/metrics/route");
let loadRoute: typeof import("@/app/api/upstream/load/route");

beforeAll(async () => {
  routes = await loadRoutes();
  metricsRoute = await import("@/app/api/metrics/route");
  loadRoute = await import("@/app/api/upstream/load/route");
});
afterAll(async () => {
  await routes.sim.close();
});

describe("operator endpoints", () => {
  it("GET /api/metrics serves the BFF's own metrics as Prometheus text", async () => {
    const browser = new Browser();
    const response = await routes.chat.POST(
      browser.request("/api/chat", {
        method: "POST",
        json: { id: "metrics-0001", trigger: "submit-message", message: userMessage("What is 1 + 1?") },
      }),
    );
    await readUiChunks(response);
    await new Promise((resolve) => setTimeout(resolve, 50));

    const exposition = await metricsRoute.GET();
    expect(exposition.headers.get("content-type")).toContain("text/plain");
    const samples = parsePrometheusText(await exposition.text());
    const completed = samples.find(
      (sample) => sample.name === "r1chat_chat_requests_total" && sample.labels.outcome === "complete",
    );
    expect(completed?.value).toBeGreaterThanOrEqual(1);
    expect(sumOf(samples, "r1chat_time_to_first_token_seconds_count")).toBeGreaterThanOrEqual(1);
    expect(sumOf(samples, "r1chat_inter_token_latency_seconds_count")).toBeGreaterThan(10);
    expect(sumOf(samples, "r1chat_active_streams")).toBe(0);
  });

  it("GET /api/upstream/load relays the model server's load without exposing it", async () => {
    const response = await loadRoute.GET();
    expect(response.status).toBe(200);
    const load = (await response.json()) as { running: number; waiting: number; kvCacheUsage: number };
    expect(load).toMatchObject({ running: 0, waiting: 0 });
    expect(load.kvCacheUsage).toBeGreaterThanOrEqual(0);
    expect(JSON.stringify(load)).not.toContain("127.0.0.1");
  });
});
