/** `npm run eval -- --runs 5`: accuracy and latency on the built-in maths problems; `--help` lists the flags. */
import { writeFile } from "node:fs/promises";
import { parseCommandLine } from "@/lib/cli/args";
import { runCli, simulatorNotice } from "@/lib/cli/run-cli";
import { colorWanted, createStyle } from "@/lib/cli/style";
import { connectUpstream } from "@/lib/cli/upstream";
import { parseUpstreamEnv, resolveUpstreamTarget } from "@/lib/cli/upstream-options";
import { createUpstreamAsker } from "@/lib/eval/ask-upstream";
import { evalCommand, evalUsage } from "@/lib/eval/eval-command";
import { formatReport } from "@/lib/eval/format-report";
import { PROBLEMS } from "@/lib/eval/problems";
import { type EvalReport, summarizeMode } from "@/lib/eval/report";
import { runEval } from "@/lib/eval/runner";

/** Simulated answers only exercise the machinery: no point waiting for simulated tokens, eight to a chunk. */
const FAST_SIMULATOR = { ttftMs: 1, itlMs: 0, itlGrowthPerRunning: 0, streamInterval: 8 };

async function main(): Promise<number> {
  const parsed = parseCommandLine(evalCommand, process.argv.slice(2));
  if (parsed.help) {
    process.stdout.write(`${evalUsage}\n`);
    return 0;
  }
  const { options } = parsed;
  const configured = resolveUpstreamTarget(options, parseUpstreamEnv(process.env));
  const target = { ...configured, simulator: { ...configured.simulator, ...FAST_SIMULATOR } };
  const style = createStyle(colorWanted(process.stdout, process.env.NO_COLOR));
  const progress = createStyle(colorWanted(process.stderr, process.env.NO_COLOR));

  const upstream = await connectUpstream(target);
  try {
    if (upstream.simulated) process.stderr.write(`${progress.yellow(simulatorNotice(upstream.baseURL))}\n`);
    const total = PROBLEMS.length * options.runs * options.modes.length;
    let done = 0;
    const startedAt = new Date();
    const started = performance.now();
    const attempts = await runEval({
      problems: PROBLEMS,
      runs: options.runs,
      modes: options.modes,
      concurrency: options.concurrency,
      ask: createUpstreamAsker(upstream, target, {
        maxTokens: options.maxTokens,
        timeoutMs: options.timeout * 1000,
      }),
      onAttempt: () => {
        done++;
        // A live counter only where it can be redrawn in place; logs and pipes get the report alone.
        if (progress.enabled) process.stderr.write(`\r${progress.dim(`answered ${done}/${total}`)}`);
      },
    });
    if (progress.enabled) process.stderr.write("\r\x1b[K");

    const report: EvalReport = {
      model: upstream.model.id,
      baseURL: upstream.baseURL,
      simulated: upstream.simulated,
      runs: options.runs,
      concurrency: options.concurrency,
      problemCount: PROBLEMS.length,
      startedAt: startedAt.toISOString(),
      durationMs: performance.now() - started,
      modes: options.modes.map((mode) => summarizeMode(mode, PROBLEMS, options.runs, attempts)),
    };
    const json = `${JSON.stringify(report, null, 2)}\n`;
    if (options.out) await writeFile(options.out, json);
    process.stdout.write(options.json ? json : `${formatReport(report, style)}\n`);
    // Nothing was measured when every request failed; that must not look like a successful run.
    return attempts.every((attempt) => attempt.error !== undefined) ? 1 : 0;
  } finally {
    await upstream.close();
  }
}

runCli("eval", main);
