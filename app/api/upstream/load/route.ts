import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/error-response";
import { readUpstreamLoad } from "@/lib/upstream/load";
import { resolveUpstream } from "@/lib/upstream/upstream";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  try {
    const load = await readUpstreamLoad(await resolveUpstream()).catch((error: unknown) => {
      throw new AppError(
        "upstream_failed",
        `Cannot read the model server's load: ${(error as Error).message}`,
      );
    });
    return Response.json(load, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
