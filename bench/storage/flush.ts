/**
 * How long one flush of streaming answers holds the event loop: SQLite's `updateMessages` (a synchronous
 * driver, so the whole write blocks) for 500 answers in one transaction, as the load test has them, and
 * for one FLUSH_SLICE_SIZE slice of them, as the flusher writes, at three answer lengths. The median of
 * five writes each.
 *   npm run bench:flush
 * Prints a table; writes nothing (the figures explain the load test's gaps, they have no target).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FLUSH_SLICE_SIZE } from "../../lib/chat/answer-flusher";
import { createSqliteStore, SQLITE_FILE_NAME } from "../../lib/db";

const ANSWERS = 500;
const ANSWER_CHARS = [1_000, 4_000, 16_000];
const BATCHES = 5;
const OWNER = "bench-owner";

const dir = mkdtempSync(join(tmpdir(), "r1-chat-flush-"));
try {
  const store = await createSqliteStore(join(dir, SQLITE_FILE_NAME));
  const answers: { conversationId: string; messageId: string }[] = [];
  for (let index = 0; index < ANSWERS; index++) {
    const conversation = await store.createConversation(OWNER, { title: `question ${index}` });
    const messageId = crypto.randomUUID();
    await store.appendMessage(OWNER, conversation.id, {
      id: messageId,
      role: "assistant",
      parts: [],
      state: "streaming",
    });
    answers.push({ conversationId: conversation.id, messageId });
  }
  const rows = [];
  for (const chars of ANSWER_CHARS) {
    for (const count of [ANSWERS, FLUSH_SLICE_SIZE]) {
      const timings: number[] = [];
      for (let batch = 0; batch < BATCHES; batch++) {
        // Each write stores new text, as a streaming answer's next flush does.
        const parts = [
          { type: "reasoning", text: `${batch}`.repeat(chars), state: "done" },
          { type: "text", text: `${batch}`.repeat(chars / 4), state: "streaming" },
        ];
        const updates = answers
          .slice(0, count)
          .map((answer) => ({ ownerId: OWNER, ...answer, patch: { parts } }));
        const started = performance.now();
        await store.updateMessages(updates);
        timings.push(performance.now() - started);
      }
      timings.sort((a, b) => a - b);
      rows.push({
        "answers per transaction": count,
        "characters per answer": Math.round(chars * 1.25),
        "median ms": Math.round(timings[Math.floor(BATCHES / 2)] ?? 0),
        "slowest ms": Math.round(timings.at(-1) ?? 0),
      });
    }
  }
  console.table(rows);
  await store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
