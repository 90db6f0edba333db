/**
 * How long the browser gathers token deltas before handing them to the chat as one. The chat shows new text
 * at most 12 times a second (every 83 ms) anyway, so this window holds nothing back from the reader.
 */
export const COALESCE_WINDOW_MS = 80;

const DATA = "data: ";
const DELTA_PREFIX = /^data: \{"type":"(?:reasoning|text)-delta"/;

interface Delta {
  type: "reasoning-delta" | "text-delta";
  id: string;
  delta: string;
}

/**
 * Merges the token deltas of a UI message SSE stream that arrive within `windowMs` of each other into
 * one delta per part. The server sends every token as it comes (often one per event, 150 a second); the
 * chat's parsing, validation and state update per event cost far more than the text itself, while the
 * smooth-text pacer shows text on a schedule of its own anyway, so nothing the reader sees arrives later
 * than the pacer would show it. The first delta of each part goes on at once, so the first token is never
 * held back. Every other event passes through unchanged and in order (pending deltas go out first), so the
 * message the chat builds is the same.
 */
export function coalesceDeltas(
  body: ReadableStream<Uint8Array>,
  windowMs = COALESCE_WINDOW_MS,
): ReadableStream<Uint8Array> {
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  let carry = "";
  let pending: Delta | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // The blank line that ends a gathered delta's event; the merged event is written with its own.
  let swallowBlank = false;
  const startedParts = new Set<string>();

  const takePending = (): string => {
    clearTimeout(timer);
    timer = undefined;
    const event = pending ? `${DATA}${JSON.stringify(pending)}\n\n` : "";
    pending = null;
    return event;
  };

  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(bytes, controller) {
        const lines = (carry + decoder.decode(bytes, { stream: true })).split("\n");
        carry = lines.pop() ?? "";
        let out = "";
        for (const line of lines) {
          if (line === "" && swallowBlank) {
            swallowBlank = false;
            continue;
          }
          const delta = DELTA_PREFIX.test(line) ? parseDelta(line) : null;
          if (!delta) {
            out += `${takePending()}${line}\n`;
            continue;
          }
          const part = `${delta.type}:${delta.id}`;
          if (!startedParts.has(part)) {
            startedParts.add(part);
            out += `${takePending()}${line}\n`;
            continue;
          }
          swallowBlank = true;
          if (pending && pending.type === delta.type && pending.id === delta.id) {
            pending.delta += delta.delta;
            continue;
          }
          out += takePending();
          pending = delta;
          timer = setTimeout(() => {
            const event = takePending();
            try {
              controller.enqueue(encoder.encode(event));
            } catch {
              // The reader has gone (stop, navigation): there is no one left to hand the text to.
            }
          }, windowMs);
        }
        if (out) controller.enqueue(encoder.encode(out));
      },
      flush(controller) {
        const rest = takePending() + carry + decoder.decode();
        if (rest) controller.enqueue(encoder.encode(rest));
      },
    }),
  );
}

/** A delta event with nothing but its type, part id and text; anything else is left as it came. */
function parseDelta(line: string): Delta | null {
  let value: unknown;
  try {
    value = JSON.parse(line.slice(DATA.length));
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  const { type, id, delta, ...rest } = value as Record<string, unknown>;
  if (Object.keys(rest).length > 0 || typeof id !== "string" || typeof delta !== "string") return null;
  if (type !== "reasoning-delta" && type !== "text-delta") return null;
  return { type, id, delta };
}

/** The chat response with its token deltas coalesced (see coalesceDeltas); errors pass as they are. */
export function withCoalescedDeltas(response: Response): Response {
  if (!response.ok || !response.body) return response;
  return new Response(coalesceDeltas(response.body), {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}
