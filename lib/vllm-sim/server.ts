import { createHash, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type ChatContext, handleChatCompletion, sendError } from "./chat-handler";
import { apiError } from "./errors";
import type { Engine } from "./generation";
import { SimMetrics } from "./metrics";
import { type SimOptions, type SimOptionsInput, simOptionsSchema } from "./options";
import { hashSeed, mulberry32 } from "./prng";
import { Scheduler } from "./scheduler";
import { versionTraits } from "./versions";

export interface SimServer {
  /** Base URL without `/v1`, e.g. "http://127.0.0.1:41234". */
  url: string;
  port: number;
  options: SimOptions;
  load(): { running: number; waiting: number };
  close(): Promise<void>;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** vLLM's `--api-key` middleware guards only these prefixes. */
const API_KEY_PATHS = /^\/(v1|v2|inference)(\/|$)/;

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function fingerprintFor(options: SimOptions): string {
  const hash = createHash("sha256").update(`${options.model}\0${options.emulateVersion}`).digest("hex");
  return `vllm-${options.emulateVersion}-${hash.slice(0, 8)}`;
}

/** Starts a simulated `vllm serve deepseek-ai/DeepSeek-R1-Distill-Qwen-1.5B --reasoning-parser deepseek_r1`. */
export function startSimServer(input: SimOptionsInput = {}): Promise<SimServer> {
  return serveSimulator(simOptionsSchema.parse(input));
}

/** Like `startSimServer`, for options that were already validated. */
export async function serveSimulator(options: SimOptions): Promise<SimServer> {
  const traits = versionTraits(options.emulateVersion);
  const scheduler = new Scheduler(options.maxNumSeqs);
  const metrics = new SimMetrics(options.servedModelName, () => ({
    running: scheduler.runningCount,
    waiting: scheduler.waitingCount,
    kvCacheUsage: Math.min(1, scheduler.kvTokensInUse() / options.kvCacheCapacityTokens),
  }));
  const engine: Engine = {
    options,
    scheduler,
    metrics,
    timingRandom: mulberry32(hashSeed("timing", options.seed)),
  };
  const chat: ChatContext = {
    engine,
    traits,
    fingerprint: traits.systemFingerprint ? fingerprintFor(options) : undefined,
  };

  const emptyOk: Handler = (_req, res) => {
    res.writeHead(200, { "content-length": "0" }).end();
  };
  const serveMetrics: Handler = async (_req, res) => {
    const text = await metrics.registry.metrics();
    res.writeHead(200, { "content-type": metrics.registry.contentType }).end(text);
  };
  const routes: Record<string, Record<string, Handler>> = {
    "/health": { GET: emptyOk },
    "/ping": { GET: emptyOk, POST: emptyOk },
    "/version": { GET: (_req, res) => sendJson(res, 200, { version: options.emulateVersion }) },
    "/load": {
      GET: (_req, res) =>
        sendJson(res, 200, { server_load: scheduler.runningCount + scheduler.waitingCount }),
    },
    // Mounted as an ASGI app in vLLM, so the trailing-slash form answers too.
    "/metrics": { GET: serveMetrics },
    "/metrics/": { GET: serveMetrics },
    "/v1/models": {
      GET: (_req, res) => {
        const created = Math.floor(Date.now() / 1000);
        const permission = {
          id: `modelperm-${randomBytes(16).toString("hex").slice(0, traits.randomIdHexLength)}`,
          object: "model_permission",
          created,
          allow_create_engine: false,
          allow_sampling: true,
          allow_logprobs: true,
          allow_search_indices: false,
          allow_view: true,
          allow_fine_tuning: false,
          organization: "*",
          group: null,
          is_blocking: false,
        };
        const card = {
          id: options.servedModelName,
          object: "model",
          created,
          owned_by: "vllm",
          root: options.model,
          parent: null,
          max_model_len: options.maxModelLen,
          permission: [permission],
        };
        sendJson(res, 200, { object: "list", data: [card] });
      },
    },
    "/v1/chat/completions": {
      POST: async (req, res) => handleChatCompletion(chat, req, res, await readBody(req)),
    },
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    if (
      options.apiKey &&
      API_KEY_PATHS.test(path) &&
      req.headers.authorization !== `Bearer ${options.apiKey}`
    ) {
      return sendJson(res, 401, { error: "Unauthorized" });
    }
    const methods = routes[path];
    if (!methods) return sendJson(res, 404, { detail: "Not Found" });
    const handler = methods[req.method ?? "GET"];
    if (!handler) return sendJson(res, 405, { detail: "Method Not Allowed" });
    await handler(req, res);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      // Unexpected failures become vLLM's generic 500; a client gone mid-body gets nothing.
      if (!res.headersSent && !res.destroyed) sendError(res, apiError(500, "Internal server error"), traits);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(":") ? `[${options.host}]` : options.host;

  return {
    url: `http://${host}:${port}`,
    port,
    options,
    load: () => ({ running: scheduler.runningCount, waiting: scheduler.waitingCount }),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Open streams would keep close() waiting; dropping them aborts their generations.
        server.closeAllConnections();
      }),
  };
}
