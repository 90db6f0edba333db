import { spawn } from "node:child_process";
import { existsSync } from "node:fs";

/**
 * Installs a Debian package the tests need when it is missing and we may (root, with apt-get); otherwise
 * fails saying how. `scripts/ensure-system-packages.sh` installs them all before `npm test`; this keeps
 * `npx vitest run` working on its own. `missing` says what is missing, as the start of a sentence.
 */
export async function installDebianPackage(name: string, missing: string): Promise<void> {
  if (process.getuid?.() !== 0 || !existsSync("/usr/bin/apt-get")) {
    throw new Error(`${missing}; install Debian's ${name} package: \`sudo apt-get install -y ${name}\`.`);
  }
  console.info(`${missing}: installing Debian's ${name} package for the tests…`);
  try {
    await runVisibly("apt-get", ["update", "-qq"]);
    await runVisibly("apt-get", ["install", "-y", "-qq", "--no-install-recommends", name]);
  } catch (error) {
    throw new Error(`${missing}, and installing Debian's ${name} package failed.`, { cause: error });
  }
}

function runVisibly(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      stdio: "inherit",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited with ${code}`)),
    );
  });
}
