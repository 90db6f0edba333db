import { execFile } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { installDebianPackage } from "./debian-package";
import { closedPort } from "./ports";

/**
 * A throwaway PostgreSQL server from Debian's packages, for tests: its own data directory under the
 * system temp dir, loopback only, trust authentication, no fsync. stop() shuts it down and deletes it.
 */
export interface PostgresServer {
  /** The URL of a new, empty database on this server. */
  newDatabase(): Promise<string>;
  stop(): Promise<void>;
}

const run = promisify(execFile);
const DEBIAN_PACKAGE_BINS = "/usr/lib/postgresql";
const START_ATTEMPTS = 3;

export async function startPostgres(): Promise<PostgresServer> {
  const bin = findPostgresBin() ?? (await installPostgres());
  // initdb refuses to run as root; as root the server runs as Debian's postgres user instead.
  const asUser = process.getuid?.() === 0 ? "postgres" : undefined;
  const dir = mkdtempSync(join(tmpdir(), "r1-chat-pg-"));
  const dataDir = join(dir, "data");
  const pgCtl = (...args: string[]) => runAs(asUser, join(bin, "pg_ctl"), ["-D", dataDir, "-s", ...args]);
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    if (asUser) chownSync(dir, ...(await userIds(asUser)));
    await runAs(asUser, join(bin, "initdb"), [
      ...["-D", dataDir, "-U", "postgres", "-A", "trust", "-E", "UTF8"],
      ...["--no-locale", "--no-sync", "--no-instructions"],
    ]);
    const port = await startServer(pgCtl, dir);
    return {
      newDatabase: () => createDatabase(port),
      async stop() {
        await pgCtl("stop", "-m", "immediate", "-w").catch(() => {});
        remove();
      },
    };
  } catch (error) {
    remove();
    throw error;
  }
}

/** Starts on a free loopback port, trying another if a different process grabbed it in the meantime. */
async function startServer(pgCtl: (...args: string[]) => Promise<unknown>, dir: string): Promise<number> {
  const log = join(dir, "server.log");
  for (let attempt = 1; ; attempt++) {
    const port = await closedPort();
    const options = [
      `-p ${port}`,
      "-c listen_addresses=127.0.0.1",
      `-k ${dir}`,
      "-c fsync=off",
      "-c synchronous_commit=off",
      "-c full_page_writes=off",
    ].join(" ");
    try {
      await pgCtl("start", "-w", "-t", "30", "-l", log, "-o", options);
      return port;
    } catch (error) {
      if (attempt >= START_ATTEMPTS) {
        const serverLog = existsSync(log) ? readFileSync(log, "utf8") : "(no server log)";
        throw new Error(`The test PostgreSQL server did not start:\n${serverLog}`, { cause: error });
      }
    }
  }
}

let databases = 0;

async function createDatabase(port: number): Promise<string> {
  const name = `r1_chat_test_${++databases}`;
  const client = new pg.Client({ host: "127.0.0.1", port, user: "postgres", database: "postgres" });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  return `postgres://postgres@127.0.0.1:${port}/${name}`;
}

/** The bin directory of the newest PostgreSQL that Debian's packages installed. */
function findPostgresBin(): string | undefined {
  if (!existsSync(DEBIAN_PACKAGE_BINS)) return undefined;
  const versions = readdirSync(DEBIAN_PACKAGE_BINS)
    .filter((version) => existsSync(join(DEBIAN_PACKAGE_BINS, version, "bin", "initdb")))
    .sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a));
  return versions[0] && join(DEBIAN_PACKAGE_BINS, versions[0], "bin");
}

async function installPostgres(): Promise<string> {
  const missing = `PostgreSQL's server programs (initdb, pg_ctl) are not under ${DEBIAN_PACKAGE_BINS}/*/bin`;
  await installDebianPackage("postgresql", missing);
  const bin = findPostgresBin();
  if (!bin) throw new Error(`${missing}, even after installing Debian's postgresql package.`);
  return bin;
}

function runAs(user: string | undefined, command: string, args: string[]) {
  return user ? run("runuser", ["-u", user, "--", command, ...args]) : run(command, args);
}

async function userIds(user: string): Promise<[uid: number, gid: number]> {
  const [uid, gid] = await Promise.all([run("id", ["-u", user]), run("id", ["-g", user])]);
  return [Number(uid.stdout.trim()), Number(gid.stdout.trim())];
}
