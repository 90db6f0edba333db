import { streamChat } from "@/lib/chat/stream-chat";
import { getConfig } from "@/lib/config";
import { errorResponse } from "@/lib/http/error-response";
import { readJsonBody } from "@/lib/http/read-json-body";
import { chatRequestSchema } from "./schema";

export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  try {
    const body = await readJsonBody(request, chatRequestSchema, getConfig().MAX_REQUEST_BYTES);
    return await streamChat(body, request.signal);
  } catch (error) {
    return errorResponse(error);
  }
}
