/** Error codes the API returns; each maps to one HTTP status in lib/http/error-response.ts. */
export type AppErrorCode =
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "unsupported_media_type"
  | "payload_too_large"
  | "context_too_long"
  | "rate_limited"
  | "upstream_unreachable"
  | "upstream_rejected"
  | "upstream_failed";

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "AppError";
  }
}

/** Which limit a request ran into; the UI words each one in the reader's language. */
export type LimitKind = "owner_rate" | "ip_rate" | "owner_streams" | "upstream_streams";

/** Over a rate or concurrency limit: answered with 429 and `Retry-After`. */
export class RateLimitedError extends AppError {
  constructor(
    readonly limit: LimitKind,
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super("rate_limited", message, { limit, retryAfterSeconds });
    this.name = "RateLimitedError";
  }
}
