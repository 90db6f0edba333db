/** Error codes the API returns; each maps to one HTTP status in lib/http/error-response.ts. */
export type AppErrorCode =
  | "bad_request"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "unsupported_media_type"
  | "payload_too_large"
  | "context_too_long"
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
