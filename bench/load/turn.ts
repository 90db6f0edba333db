export interface TurnResult {
  /** Set when the answer did not end normally: an HTTP status, an error chunk, or a network failure. */
  error?: string;
  firstTokenMs?: number;
  /** Longest wait between two reasoning or answer deltas. */
  maxGapMs: number;
  deltas: number;
}

/**
 * One new conversation, one question, its answer read to the end as a browser's SSE reader would. The
 * question picks the simulator's reply (its length among them), as different users' questions would.
 */
export async function streamTurn(baseUrl: string, question = randomSum()): Promise<TurnResult> {
  const started = performance.now();
  const result: TurnResult = { maxGapMs: 0, deltas: 0 };
  let last = started;
  try {
    const response = await fetch(`${baseUrl}/api/chat`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        id: crypto.randomUUID(),
        trigger: "submit-message",
        message: {
          id: crypto.randomUUID(),
          role: "user",
          parts: [{ type: "text", text: question }],
        },
      }),
    });
    if (response.status !== 200 || !response.body) {
      result.error = `HTTP ${response.status}: ${(await response.text()).slice(0, 200)}`;
      return result;
    }
    let buffer = "";
    let finished = false;
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      buffer += value;
      let boundary = buffer.indexOf("\n\n");
      while (boundary !== -1) {
        const event = buffer.slice(0, boundary);
        buffer = buffer.slice(boundary + 2);
        boundary = buffer.indexOf("\n\n");
        // Keep-alive comments carry no data.
        if (!event.startsWith("data: ")) continue;
        const data = event.slice("data: ".length);
        if (data === "[DONE]") continue;
        const chunk = JSON.parse(data) as { type: string; errorText?: string };
        if (chunk.type === "error") result.error = chunk.errorText;
        if (chunk.type === "finish") finished = true;
        if (chunk.type !== "reasoning-delta" && chunk.type !== "text-delta") continue;
        const now = performance.now();
        if (result.firstTokenMs === undefined) result.firstTokenMs = now - started;
        else result.maxGapMs = Math.max(result.maxGapMs, now - last);
        last = now;
        result.deltas++;
      }
    }
    if (!finished && result.error === undefined) result.error = "the stream ended without a finish";
  } catch (error) {
    result.error = error instanceof Error ? error.message : String(error);
  }
  return result;
}

function randomSum(): string {
  const term = () => Math.floor(Math.random() * 1000);
  return `What is ${term()} + ${term()}?`;
}
