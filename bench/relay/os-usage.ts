import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

/** CPU time and resident memory of a process group, read from /proc (Linux). */
export interface GroupUsage {
  /** User + system time. */
  cpuMs: number;
  /** System time alone: the kernel's side of the socket reads and writes. */
  sysMs: number;
  rssBytes: number;
}

const TICKS_PER_SECOND = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
const PAGE_BYTES = Number(execFileSync("getconf", ["PAGESIZE"], { encoding: "utf8" }).trim()) || 4096;

/**
 * Sums utime + stime and RSS over every live process whose group is `pgid`: `next start` may run the
 * server in a child, and the whole group is what relays the tokens.
 */
export function groupUsage(pgid: number): GroupUsage {
  return usageOf((fields) => Number(fields[2]) === pgid);
}

/** The same for one process (the pipe, which forks nothing). */
export function processUsage(pid: number): GroupUsage {
  return usageOf((_, entry) => Number(entry) === pid);
}

function usageOf(matches: (fields: string[], entry: string) => boolean): GroupUsage {
  let ticks = 0;
  let sysTicks = 0;
  let pages = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // exited meanwhile
    }
    // The command name may hold spaces and parentheses; the fields after its last ")" are fixed.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (!matches(fields, entry)) continue;
    ticks += Number(fields[11]) + Number(fields[12]);
    sysTicks += Number(fields[12]);
    pages += Number(fields[21]);
  }
  return {
    cpuMs: (ticks * 1000) / TICKS_PER_SECOND,
    sysMs: (sysTicks * 1000) / TICKS_PER_SECOND,
    rssBytes: pages * PAGE_BYTES,
  };
}

/** Samples a group's RSS until stopped; returns the highest value seen. */
export function samplePeakRss(pgid: number, everyMs = 100): { stop(): number } {
  let peak = groupUsage(pgid).rssBytes;
  const timer = setInterval(() => {
    peak = Math.max(peak, groupUsage(pgid).rssBytes);
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, groupUsage(pgid).rssBytes);
    },
  };
}
