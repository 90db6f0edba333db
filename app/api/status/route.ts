import { errorResponse } from "@/lib/http/error-response";
import { statusReport } from "@/lib/observability/status";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  try {
    return Response.json(await statusReport(), { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
