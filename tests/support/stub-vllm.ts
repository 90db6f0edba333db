import type { IncomingMessage, ServerResponse } from "node:http";

export const STUB_MODEL = "deepseek-ai/DeepSeek-R1-Distill-Qwen-1.5B";

/** Answers the model lookup of a hand-written vLLM stand-in; false for every other request. */
export function servedModels(req: IncomingMessage, res: ServerResponse): boolean {
  if (!req.url?.endsWith("/models")) return false;
  res.writeHead(200, { "content-type": "application/json" });
  res.end(
    JSON.stringify({ object: "list", data: [{ id: STUB_MODEL, object: "model", max_model_len: 8192 }] }),
  );
  return true;
}
