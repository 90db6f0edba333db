/** The UI message stream protocol's framing (the AI SDK's): one SSE event per chunk, `[DONE]` at the end. */
export const UI_STREAM_DONE = "data: [DONE]\n\n";

export function uiStreamEvent(chunkJson: string): string {
  return `data: ${chunkJson}\n\n`;
}
