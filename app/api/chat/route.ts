import { STREAM_HEADERS } from "@/lib/chat/answer-stream";
import { startChatTurn } from "@/lib/chat/chat-turn";
import { uiMessageStreamResponse } from "@/lib/chat/ui-stream-response";
import { getConfig } from "@/lib/config";
import { handleAsOwner } from "@/lib/http/handle";
import { readJsonBody } from "@/lib/http/read-json-body";
import { clientIp } from "@/lib/limits";
import { chatRequestSchema } from "./schema";

export const dynamic = "force-dynamic";

export function POST(request: Request): Promise<Response> {
  return handleAsOwner(request, async (ownerId) => {
    const config = getConfig();
    const { id, ...turn } = await readJsonBody(request, chatRequestSchema, config.MAX_REQUEST_BYTES);
    const stream = await startChatTurn(ownerId, {
      conversationId: id,
      clientIp: clientIp(request.headers, config.TRUSTED_PROXY_HOPS),
      ...turn,
    });
    return uiMessageStreamResponse(stream, STREAM_HEADERS);
  });
}
