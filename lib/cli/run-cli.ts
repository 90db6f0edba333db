import { USAGE_EXIT_CODE, UsageError } from "./args";
import { UpstreamError } from "./upstream";

/**
 * Runs a CLI's main function and exits with its status: 2 for usage mistakes (with a pointer to --help),
 * 1 for a model server that cannot be used or any other failure.
 */
export function runCli(name: string, main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      if (error instanceof UsageError) {
        process.stderr.write(`${name}: ${error.message}\nRun with --help to list the flags.\n`);
        process.exit(USAGE_EXIT_CODE);
      }
      const message =
        error instanceof UpstreamError ? error.message : ((error as Error)?.stack ?? String(error));
      process.stderr.write(`${name}: ${message}\n`);
      process.exit(1);
    },
  );
}

/** What the CLIs say when they fall back on the in-process simulator, so nobody mistakes it for a model. */
export function simulatorNotice(baseURL: string): string {
  return `No --url and no VLLM_BASE_URL: using the built-in vLLM simulator at ${baseURL} (simulated answers).`;
}
