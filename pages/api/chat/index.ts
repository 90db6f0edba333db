import { POST } from "@/app/api/chat/post";
import { nodeRoute } from "@/lib/http/node-route";

// The body is read and limited by the handler; the answer streams for as long as it takes.
export const config = { api: { bodyParser: false, responseLimit: false } };

export default nodeRoute({ POST });
