import { handleAsOwner } from "@/lib/http/handle";
import { listShares } from "@/lib/share";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return handleAsOwner(request, async (ownerId) =>
    Response.json({ shares: await listShares(ownerId) }, { headers: { "Cache-Control": "no-store" } }),
  );
}
