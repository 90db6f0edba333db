/**
 * The first-load JavaScript of a shared page (/s/<token>), next to the chat page's for scale: every
 * script the HTML loads or inlines, gzipped. Runs the production build against the simulator.
 *
 *   node --import tsx bench/share/page-weight.ts
 */
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { startSimServer } from "../../lib/vllm-sim";
import { ensureProductionBuild, startApp } from "../render/processes";

const root = fileURLToPath(new URL("../..", import.meta.url));
/** The share page's budget (issue 5). */
const BUDGET_KB = 90;

interface PageWeight {
  page: string;
  status: number;
  scripts: number;
  jsGzipKb: number;
  htmlGzipKb: number;
}

async function weigh(base: string, path: string): Promise<PageWeight> {
  const response = await fetch(`${base}${path}`);
  const html = await response.text();
  let jsBytes = 0;
  let scripts = 0;
  for (const [, attributes = "", body = ""] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    scripts++;
    const src = /\bsrc="([^"]+)"/.exec(attributes)?.[1];
    const code = src ? Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer()) : Buffer.from(body);
    jsBytes += gzipSync(code).byteLength;
  }
  const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
  return {
    page: path,
    status: response.status,
    scripts,
    jsGzipKb: kb(jsBytes),
    htmlGzipKb: kb(gzipSync(html).byteLength),
  };
}

/** Asks one question as a new owner and shares the conversation; returns the share's path. */
async function makeShare(base: string): Promise<string> {
  const id = `bench-share-${Date.now()}`;
  const chat = await fetch(`${base}/api/chat`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      id,
      trigger: "submit-message",
      message: { id: `${id}-q`, role: "user", parts: [{ type: "text", text: "Integrate x^2 from 0 to 1." }] },
    }),
  });
  const cookie = chat.headers.get("set-cookie")?.split(";")[0] ?? "";
  await chat.text();
  for (let attempt = 0; attempt < 100; attempt++) {
    const stored = await fetch(`${base}/api/conversations/${id}`, { headers: { cookie } });
    const { messages } = (await stored.json()) as { messages: { metadata?: { state?: string } }[] };
    if (messages.at(-1)?.metadata?.state === "complete") break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const share = await fetch(`${base}/api/conversations/${id}/share`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie },
    body: "{}",
  });
  return ((await share.json()) as { path: string }).path;
}

ensureProductionBuild(root, process.argv.includes("--build"));
const sim = await startSimServer({ ttftMs: 1, itlMs: 1 });
const app = await startApp(root, `${sim.url}/v1`);
try {
  const sharePath = await makeShare(app.url);
  const results = [await weigh(app.url, sharePath), await weigh(app.url, "/")];
  console.table(results);
  const share = results[0] as PageWeight;
  console.log(`Share page first-load JS: ${share.jsGzipKb} KB gzipped (budget ${BUDGET_KB} KB)`);
  process.exitCode = share.status === 200 && share.jsGzipKb <= BUDGET_KB ? 0 : 1;
} finally {
  await app.stop();
  await sim.close();
}
