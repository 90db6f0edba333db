import { hasBrand } from "./brand";

/** Error codes the API returns; each maps to one HTTP status in lib/http/error-response.ts. */
export type AppErrorCode =
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "method_not_allowed"
  | "unsupported_media_type"
  | "payload_too_large"
  | "context_too_long"
  | "rate_limited"
  | "upstream_unreachable"
  | "upstream_rejected"
  | "upstream_failed";

/** Marks an AppError however many copies of this module a build holds. */
const APP_ERROR = Symbol.for("r1-chat.app-error");

export class AppError extends Error {
  readonly [APP_ERROR] = true;

  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "AppError";
  }

  /**
   * `instanceof` across Next.js bundles: the store and the limits live on globalThis and may have been
   * created by the start-up bundle, whose copy of this class is not the route's, so their errors would
   * fail a route's `instanceof AppError` and surface as 500s.
   */
  static is(error: unknown): error is AppError {
    return hasBrand(error, APP_ERROR);
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
