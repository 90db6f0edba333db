import WebSocket from "ws";

/**
 * The app's live JavaScript heap, read over the Node inspector protocol (the app runs with
 * `--inspect=127.0.0.1:<port>`, loopback only) right after a full garbage collection. RSS says little
 * about leaks: V8 keeps the pages it grew into under load long after the objects on them are gone.
 */
export async function liveHeapMiB(inspectorPort: number): Promise<number> {
  const targets = (await (await fetch(`http://127.0.0.1:${inspectorPort}/json/list`)).json()) as {
    webSocketDebuggerUrl: string;
  }[];
  const url = targets[0]?.webSocketDebuggerUrl;
  if (!url) throw new Error(`no inspector target on port ${inspectorPort}`);
  const socket = new WebSocket(url);
  await new Promise((resolve, reject) => {
    socket.once("open", resolve);
    socket.once("error", reject);
  });
  let nextId = 0;
  const call = (method: string) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const id = ++nextId;
      const onMessage = (data: WebSocket.RawData) => {
        const message = JSON.parse(String(data)) as { id?: number; result?: Record<string, unknown> };
        if (message.id !== id) return;
        socket.off("message", onMessage);
        if (message.result) resolve(message.result);
        else reject(new Error(`${method} failed: ${String(data).slice(0, 200)}`));
      };
      socket.on("message", onMessage);
      socket.send(JSON.stringify({ id, method }));
    });
  try {
    await call("HeapProfiler.collectGarbage");
    const { usedSize } = (await call("Runtime.getHeapUsage")) as { usedSize: number };
    return Math.round((usedSize / 1024 / 1024) * 10) / 10;
  } finally {
    socket.close();
  }
}
