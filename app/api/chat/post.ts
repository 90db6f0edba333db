import { startChatTurn } from "@/lib/chat/chat-turn";
import { getConfig } from "@/lib/config";
import { handleAsOwner } from "@/lib/http/handle";
import type { LiveAnswer } from "@/lib/http/live-answer";
import { readJsonBody } from "@/lib/http/read-json-body";
import { clientIp } from "@/lib/limits";
import { chatRequestSchema } from "./schema";

/** POST /api/chat: asks the question and streams the answer (served by pages/api/chat, see nodeRoute). */
export function POST(request: Request): Promise<LiveAnswer | Response> {
  return handleAsOwner(request, async (ownerId) => {
    const config = getConfig();
    const { id, ...turn } = await readJsonBody(request, chatRequestSchema, config.MAX_REQUEST_BYTES);
    return startChatTurn(ownerId, {
      conversationId: id,
      clientIp: clientIp(request.headers, config.TRUSTED_PROXY_HOPS),
      ...turn,
    });
  });
}
