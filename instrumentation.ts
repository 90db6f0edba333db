export async function register(): Promise<void> {
  // Next.js sets NEXT_RUNTIME itself; the start-up work only makes sense in the Node.js server.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startServer } = await import("@/lib/startup");
    await startServer();
  }
}
