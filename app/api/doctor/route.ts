import { errorResponse } from "@/lib/http/error-response";
import { doctorForStatusPage } from "@/lib/observability/doctor-run";

export const dynamic = "force-dynamic";

export async function POST(): Promise<Response> {
  try {
    return Response.json(await doctorForStatusPage(), { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
