import { handle } from "@/lib/http/handle";
import { doctorForStatusPage } from "@/lib/observability/doctor-run";

export const dynamic = "force-dynamic";

export function POST(request: Request): Promise<Response> {
  return handle(request, async () =>
    Response.json(await doctorForStatusPage(), { headers: { "Cache-Control": "no-store" } }),
  );
}
