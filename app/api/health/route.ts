import { errorResponse } from "@/lib/http/error-response";
import { checkHealth } from "@/lib/observability/health";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  try {
    const report = await checkHealth();
    return Response.json(report, {
      status: report.status === "ok" ? 200 : 503,
      headers: { "Cache-Control": "no-store" },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
