import { metrics } from "@/lib/observability/metrics";

export const dynamic = "force-dynamic";

/** Prometheus metrics of the BFF itself (the model server has its own /metrics). */
export async function GET(): Promise<Response> {
  const { registry } = metrics();
  return new Response(await registry.metrics(), {
    headers: { "Content-Type": registry.contentType, "Cache-Control": "no-store" },
  });
}
