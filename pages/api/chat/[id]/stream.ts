import { GET } from "@/app/api/chat/[id]/stream/get";
import { nodeRoute } from "@/lib/http/node-route";

export const config = { api: { bodyParser: false, responseLimit: false } };

export default nodeRoute({ GET });
