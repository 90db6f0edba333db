/**
 * Shares a conversation through the app's API, as its owner would: asks one question as a new visitor,
 * waits for the answer to be stored, then shares it. Returns the share page's path.
 */
export async function createShare(base: string): Promise<string> {
  const id = `lighthouse-${Date.now()}`;
  const chat = await fetch(`${base}/api/chat`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      id,
      trigger: "submit-message",
      message: { id: `${id}-q`, role: "user", parts: [{ type: "text", text: "Integrate x^2 from 0 to 1." }] },
    }),
  });
  if (!chat.ok) throw new Error(`Asking a question failed: HTTP ${chat.status}`);
  const cookie = chat.headers.get("set-cookie")?.split(";")[0] ?? "";
  await chat.text();
  await waitForStoredAnswer(base, id, cookie);
  const share = await fetch(`${base}/api/conversations/${id}/share`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie },
    body: "{}",
  });
  if (!share.ok) throw new Error(`Sharing failed: HTTP ${share.status}`);
  return ((await share.json()) as { path: string }).path;
}

async function waitForStoredAnswer(base: string, id: string, cookie: string): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt++) {
    const stored = await fetch(`${base}/api/conversations/${id}`, { headers: { cookie } });
    const { messages } = (await stored.json()) as { messages: { metadata?: { state?: string } }[] };
    if (messages.at(-1)?.metadata?.state === "complete") return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("The answer was not stored within 30 s");
}
