/**
 * The floor the Lighthouse scores are read against: a Next.js page with one hydrated control
 * (bench/lighthouse/floor), built and served the way the app is. What it loses is what Next.js and React
 * cost on this machine before any of the app's own code runs.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { freePort, stopProcessGroup } from "../render/processes";

export interface FloorApp {
  url: string;
  stop(): Promise<void>;
}

export async function startFloorApp(root: string, rebuild: boolean): Promise<FloorApp> {
  const dir = join(root, "bench", "lighthouse", "floor");
  const next = join(root, "node_modules", ".bin", "next");
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  if (rebuild || !existsSync(join(dir, ".next", "BUILD_ID"))) {
    console.log("Building the floor page…");
    const build = spawnSync(next, ["build"], { cwd: dir, stdio: "inherit", env });
    if (build.status !== 0) throw new Error("next build of the floor page failed");
  }
  const port = await freePort();
  const child = spawn(next, ["start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: dir,
    detached: true,
    stdio: ["ignore", "ignore", "inherit"],
    env,
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = () => stopProcessGroup(child);
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (
      await fetch(url).then(
        (response) => response.ok,
        () => false,
      )
    )
      return { url, stop };
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`the floor page did not start at ${url}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
