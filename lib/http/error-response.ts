import "server-only";
import { AppError, type AppErrorCode, type RateLimitedError } from "@/lib/errors";
import { PromptTooLongError } from "@/lib/r1/rules";

const STATUS: Record<AppErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  method_not_allowed: 405,
  unsupported_media_type: 415,
  payload_too_large: 413,
  context_too_long: 400,
  rate_limited: 429,
  upstream_unreachable: 502,
  upstream_rejected: 502,
  upstream_failed: 502,
};

export interface ErrorBody {
  error: { code: AppErrorCode | "internal"; message: string; details?: unknown };
}

/** The one place where errors become HTTP responses; anything unexpected is logged and hidden. */
export function errorResponse(error: unknown): Response {
  if (error instanceof PromptTooLongError) {
    return json(STATUS.context_too_long, { error: { code: "context_too_long", message: error.message } });
  }
  if (isRateLimited(error)) {
    const response = json(STATUS.rate_limited, {
      error: { code: error.code, message: error.message, details: error.details },
    });
    response.headers.set("Retry-After", String(error.retryAfterSeconds));
    return response;
  }
  if (AppError.is(error)) {
    return json(STATUS[error.code], {
      error: {
        code: error.code,
        message: error.message,
        ...(error.details ? { details: error.details } : {}),
      },
    });
  }
  console.error("Unexpected error while handling a request", error);
  return json(500, {
    error: { code: "internal", message: "Something went wrong on our side. Please try again." },
  });
}

function isRateLimited(error: unknown): error is RateLimitedError {
  return AppError.is(error) && error.code === "rate_limited" && "retryAfterSeconds" in error;
}

function json(status: number, body: ErrorBody): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}
