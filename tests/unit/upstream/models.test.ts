import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectUpstream } from "@/lib/cli/upstream";
import type { UpstreamTarget } from "@/lib/cli/upstream-options";
import { AppError } from "@/lib/errors";
import { lookUpServedModel, ModelLookupError } from "@/lib/upstream/model-server";
import { fetchServedModel } from "@/lib/upstream/served-model";

/** /<case>/v1/models answers as that case says; /v1/models needs the key "sesame". */
const ANSWERS: Record<string, (authorization: string | undefined) => [number, string]> = {
  ok: () => [200, JSON.stringify({ data: [{ id: "a" }, { id: "b", max_model_len: 4096 }] })],
  locked: (authorization) =>
    authorization === "Bearer sesame" ? [200, JSON.stringify({ data: [{ id: "r1" }] })] : [401, "{}"],
  html: () => [200, "<html>Not Found</html>"],
  empty: () => [200, JSON.stringify({ data: [] })],
  broken: () => [502, "Bad Gateway"],
};

let server: Server;
let root = "";

beforeAll(async () => {
  server = createServer((req, res) => {
    const [, name, ...rest] = (req.url ?? "").split("/");
    const answer = rest.join("/") === "v1/models" ? ANSWERS[name ?? ""] : undefined;
    const [status, body] = answer ? answer(req.headers.authorization) : [404, ""];
    res.writeHead(status, { "content-type": "application/json" }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  root = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const server_ = (name: string, apiKey?: string) => ({ baseURL: `${root}/${name}/v1`, apiKey });
const target = (name: string, model?: string, apiKey?: string): UpstreamTarget => ({
  url: `${root}/${name}/v1`,
  apiKey,
  model,
  reasoningMode: "auto",
  forceThinkPrefix: false,
  defaultMaxTokens: 256,
  simulator: {},
});

describe("lookUpServedModel", () => {
  it("picks the preferred model, else the first, and falls back on a missing max_model_len", async () => {
    expect(await lookUpServedModel(server_("ok"), { timeoutMs: 2_000 })).toEqual({
      id: "a",
      maxModelLen: 16_384,
    });
    expect(await lookUpServedModel(server_("ok"), { preferredId: "b", timeoutMs: 2_000 })).toEqual({
      id: "b",
      maxModelLen: 4096,
    });
    expect(await lookUpServedModel(server_("locked", "sesame"), { timeoutMs: 2_000 })).toMatchObject({
      id: "r1",
    });
  });

  it("says what went wrong, for each caller to word", async () => {
    const failure = (name: string, preferredId?: string) =>
      lookUpServedModel(server_(name), { preferredId, timeoutMs: 2_000 }).then(
        () => undefined,
        (error: unknown) => (error instanceof ModelLookupError ? error.failure : error),
      );
    expect(await failure("locked")).toMatchObject({ kind: "http", status: 401 });
    expect(await failure("html")).toMatchObject({ kind: "malformed" });
    expect(await failure("empty")).toMatchObject({ kind: "malformed" });
    expect(await failure("ok", "c")).toMatchObject({
      kind: "not_served",
      preferredId: "c",
      served: ["a", "b"],
    });
  });
});

describe("the BFF's served model", () => {
  const appError = (name: string, preferredId?: string) =>
    fetchServedModel({ ...server_(name), simulated: false }, preferredId).then(
      () => undefined,
      (error: unknown) => (error instanceof AppError ? { code: error.code, message: error.message } : error),
    );

  it("words failures as AppErrors", async () => {
    expect(await appError("locked")).toEqual({
      code: "upstream_rejected",
      message: "The model server refused our API key (HTTP 401). Check VLLM_API_KEY.",
    });
    expect(await appError("broken")).toEqual({
      code: "upstream_rejected",
      message: "The model server answered HTTP 502 when asked which model it serves.",
    });
    expect(await appError("html")).toEqual({
      code: "upstream_failed",
      message: "The model server's /v1/models answer is not OpenAI-compatible.",
    });
    expect(await appError("ok", "c")).toEqual({
      code: "upstream_rejected",
      message: 'The model server does not serve "c" (it serves a, b). Check VLLM_MODEL.',
    });
  });
});

describe("the CLI's served model", () => {
  const message = (name: string, model?: string) =>
    connectUpstream(target(name, model)).then(
      () => undefined,
      (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : error),
    );

  it("connects and reports the model", async () => {
    const upstream = await connectUpstream(target("locked", undefined, "sesame"));
    expect(upstream).toMatchObject({
      apiKey: "sesame",
      model: { id: "r1", maxModelLen: 16_384 },
      simulated: false,
    });
    await upstream.close();
  });

  it("words failures as UpstreamErrors naming the URL", async () => {
    expect(await message("locked")).toBe(
      `UpstreamError: ${root}/locked/v1/models answered HTTP 401. Check --api-key or VLLM_API_KEY.`,
    );
    expect(await message("broken")).toBe(`UpstreamError: ${root}/broken/v1/models answered HTTP 502.`);
    expect(await message("html")).toBe(
      `UpstreamError: ${root}/html/v1/models did not list any model in the OpenAI format.`,
    );
    expect(await message("ok", "c")).toBe('UpstreamError: The server does not serve "c"; it serves a, b.');
  });
});
