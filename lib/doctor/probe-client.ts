import { authHeaders, serverRoot } from "@/lib/upstream/model-server";
import type { Deadline } from "./deadline";
import type { ResolvedDoctorOptions } from "./options";

/**
 * Sends every request of a run, all to the one server the user named: the OpenAI routes under the
 * base URL and vLLM's /health, /version and /metrics beside it. Counts them, so the report can say
 * how much traffic the doctor caused.
 */
export class ProbeClient {
  requests = 0;
  readonly apiBase: string;
  /** vLLM serves /health, /metrics and /version beside /v1, not under it. */
  readonly root: string;
  private readonly authorization: Record<string, string>;

  constructor(
    options: ResolvedDoctorOptions,
    readonly deadline: Deadline,
  ) {
    this.apiBase = options.baseURL;
    this.root = serverRoot(options);
    this.authorization = authHeaders(options);
  }

  /** GET a server route such as /health; the API key goes only to /v1 routes, as vLLM checks it there. */
  getServer(path: string, timeoutMs: number): Promise<Response> {
    return this.send(`${this.root}${path}`, { method: "GET" }, timeoutMs);
  }

  getApi(path: string, timeoutMs: number): Promise<Response> {
    return this.send(`${this.apiBase}${path}`, { method: "GET", headers: this.authorization }, timeoutMs);
  }

  postApi(path: string, body: unknown, timeoutMs: number): Promise<Response> {
    return this.send(
      `${this.apiBase}${path}`,
      {
        method: "POST",
        headers: { "content-type": "application/json", ...this.authorization },
        body: JSON.stringify(body),
      },
      timeoutMs,
    );
  }

  /** Rethrows the run's own end (deadline, caller abort) in preference to the request's error. */
  private async send(url: string, init: RequestInit, timeoutMs: number): Promise<Response> {
    this.deadline.throwIfOver();
    this.requests++;
    try {
      return await fetch(url, { ...init, signal: this.deadline.forRequest(timeoutMs) });
    } catch (error) {
      this.deadline.throwIfOver();
      throw error;
    }
  }
}

/** The message of an error body in any of vLLM's shapes: nested, flat (≤0.10.0), 401 or Starlette 404. */
export function errorMessage(body: string): string {
  try {
    const parsed = JSON.parse(body) as { error?: unknown; message?: unknown; detail?: unknown };
    const { error } = parsed;
    if (typeof error === "string") return error;
    if (error && typeof (error as { message?: unknown }).message === "string") {
      return (error as { message: string }).message;
    }
    for (const candidate of [parsed.message, parsed.detail]) {
      if (typeof candidate === "string") return candidate;
    }
  } catch {
    // Not JSON: a proxy's HTML error page, say; show its start.
  }
  const text = body.replace(/\s+/g, " ").trim();
  return text.length > 160 ? `${text.slice(0, 160)}…` : text;
}
