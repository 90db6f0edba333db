/**
 * The simulator in its own process, so its timers never share an event loop with the app or the load
 * client. Options come as JSON in argv[2]; prints `{"url": …}` once listening.
 *   node --import tsx bench/relay/sim-server.ts '{"ttftMs":20,"itlMs":10}'
 */
import { startSimServer } from "../../lib/vllm-sim";

const sim = await startSimServer(JSON.parse(process.argv[2] ?? "{}"));
console.log(JSON.stringify({ url: sim.url }));
process.on("SIGTERM", () => {
  void sim.close().then(() => process.exit(0));
});
