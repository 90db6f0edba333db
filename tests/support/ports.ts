import { createServer } from "node:net";

/** A loopback port with nothing listening on it (fetch refuses well-known ports such as 9 outright). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
