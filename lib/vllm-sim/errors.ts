import { STATUS_CODES } from "node:http";
import { pythonJsonDumps } from "./python-format";
import type { VersionTraits } from "./versions";

/** An error response before streaming starts: an HTTP status plus vLLM's ErrorInfo fields. */
export interface ApiError {
  status: number;
  message: string;
  type: string;
  param: string | null;
}

/** vLLM's `type` for a status: exception class names for the ones it raises, else the HTTP phrase. */
function errorTypeFor(status: number): string {
  switch (status) {
    case 400:
      return "BadRequestError";
    case 404:
      return "NotFoundError";
    case 500:
      return "InternalServerError";
    case 501:
      return "NotImplementedError";
    default:
      return STATUS_CODES[status] ?? "Error";
  }
}

export function apiError(status: number, message: string, param: string | null = null): ApiError {
  return { status, message, type: errorTypeFor(status), param };
}

/** FastAPI/pydantic request validation failures use the HTTP phrase as `type`. */
export function requestValidationError(message: string): ApiError {
  return { status: 400, message, type: "Bad Request", param: null };
}

/**
 * A `VLLMValidationError`: since ~0.14 its `str()` ends with ` (parameter=…, value=…)` and the
 * response names the parameter; older servers sent the bare message with `param: null`.
 */
export function validationError(
  traits: VersionTraits,
  message: string,
  parameter: string,
  /** Already spelled as Python prints it. */
  value: string,
): ApiError {
  if (!traits.detailedErrors) return apiError(400, message);
  return apiError(400, `${message} (parameter=${parameter}, value=${value})`, parameter);
}

/** The compact JSON body vLLM's `JSONResponse(err.model_dump())` produces. */
export function errorBody(error: ApiError, traits: VersionTraits): string {
  const info = { message: error.message, type: error.type, param: error.param, code: error.status };
  return JSON.stringify(traits.flatErrors ? { object: "error", ...info } : { error: info });
}

/** The in-stream failure event, which vLLM writes with `json.dumps` (spaced, ASCII-escaped). */
export function streamErrorEvent(traits: VersionTraits): string {
  // Before ~0.14 the exception text was wrapped as a BadRequestError whatever its cause.
  const [type, code] = traits.detailedErrors ? ["InternalServerError", 500] : ["BadRequestError", 400];
  const info = { message: "Internal server error", type, param: null, code };
  const body = traits.flatErrors ? { error: { object: "error", ...info } } : { error: info };
  return `data: ${pythonJsonDumps(body)}\n\n`;
}
