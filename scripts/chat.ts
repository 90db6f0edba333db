/** `npm run chat -- "question"`, or `npm run chat` for an interactive chat; `--help` lists the flags. */
import type { ChatSession } from "@/lib/cli/answer-events";
import { type PrintOptions, printAnswer } from "@/lib/cli/answer-printer";
import { parseCommandLine } from "@/lib/cli/args";
import { BffChat } from "@/lib/cli/bff-chat";
import { chatCommand, chatUsage } from "@/lib/cli/chat-command";
import { DirectChat } from "@/lib/cli/direct-chat";
import { runRepl } from "@/lib/cli/repl";
import { runCli, simulatorNotice } from "@/lib/cli/run-cli";
import { colorWanted, createStyle } from "@/lib/cli/style";
import { connectUpstream } from "@/lib/cli/upstream";
import { parseUpstreamEnv, resolveUpstreamTarget } from "@/lib/cli/upstream-options";

const INTERRUPTED_EXIT_CODE = 130;

async function main(): Promise<number> {
  const parsed = parseCommandLine(chatCommand, process.argv.slice(2));
  if (parsed.help) {
    process.stdout.write(`${chatUsage}\n`);
    return 0;
  }
  const { options } = parsed;
  const env = parseUpstreamEnv(process.env);
  const style = createStyle(colorWanted(process.stdout, process.env.NO_COLOR));
  const print: PrintOptions = {
    style,
    out: process.stdout,
    err: process.stderr,
    showReasoning: options.reasoning,
    showRules: !options.quiet,
  };
  const settings = {
    persona: options.persona,
    temperature: options.temperature,
    maxTokens: options.maxTokens,
  };

  let session: ChatSession;
  let close = async () => {};
  if (options.bff) {
    session = new BffChat(options.bff, settings);
  } else {
    const target = resolveUpstreamTarget(options, env);
    const upstream = await connectUpstream(target);
    close = upstream.close;
    if (upstream.simulated) process.stderr.write(`${style.yellow(simulatorNotice(upstream.baseURL))}\n`);
    session = new DirectChat(upstream, target, settings);
  }

  try {
    if (options.question === undefined) {
      await runRepl(session, { ...print, input: process.stdin, output: process.stdout });
      return 0;
    }
    return await answerOnce(session, options.question, print);
  } finally {
    await close();
  }
}

/** The first Ctrl+C stops the answer (its timing is still printed); a second one quits at once. */
async function answerOnce(session: ChatSession, question: string, print: PrintOptions): Promise<number> {
  const controller = new AbortController();
  const onInterrupt = () => {
    if (controller.signal.aborted) process.exit(INTERRUPTED_EXIT_CODE);
    controller.abort();
  };
  process.on("SIGINT", onInterrupt);
  const result = await printAnswer(session.ask(question, controller.signal), controller.signal, print);
  process.off("SIGINT", onInterrupt);
  if (result.stopped) return INTERRUPTED_EXIT_CODE;
  return result.error ? 1 : 0;
}

runCli("chat", main);
