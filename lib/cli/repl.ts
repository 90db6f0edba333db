import { createInterface } from "node:readline";
import type { ChatSession } from "./answer-events";
import { type PrintOptions, printAnswer } from "./answer-printer";

export interface ReplOptions extends PrintOptions {
  input: NodeJS.ReadableStream & { isTTY?: boolean };
  output: NodeJS.WritableStream;
}

const COMMANDS = "/reset starts a new conversation, /exit quits";

/**
 * Reads questions line by line and answers each in the same conversation. Ctrl+C stops the answer being
 * written; at the prompt (or pressed again while stopping) it quits. Piped input works too, one question a line.
 */
export async function runRepl(session: ChatSession, options: ReplOptions): Promise<void> {
  const { input, output, style, err } = options;
  const interactive = input.isTTY === true;
  const rl = createInterface({ input, output, terminal: interactive });
  let answering: AbortController | undefined;
  let closed = false;

  const onInterrupt = () => {
    if (answering && !answering.signal.aborted) {
      answering.abort();
      return;
    }
    output.write("\n");
    rl.close();
  };
  // A terminal delivers Ctrl+C to readline as a key; piped input leaves it to the process signal.
  rl.on("SIGINT", onInterrupt);
  process.on("SIGINT", onInterrupt);
  rl.on("close", () => {
    closed = true;
  });
  const prompt = () => {
    if (interactive && !closed) rl.prompt();
  };

  err.write(`${style.dim(`Chatting with ${session.description}. ${COMMANDS}; Ctrl+C stops an answer.`)}\n`);
  rl.setPrompt(style.bold("› "));
  prompt();
  try {
    for await (const line of rl) {
      const question = line.trim();
      if (question === "/exit") break;
      if (question === "/reset") {
        session.reset();
        err.write(`${style.dim("New conversation.")}\n`);
      } else if (/^\/\w+$/.test(question)) {
        err.write(`${style.yellow(`Unknown command ${question}: ${COMMANDS}.`)}\n`);
      } else if (question) {
        answering = new AbortController();
        await printAnswer(session.ask(question, answering.signal), answering.signal, options);
        answering = undefined;
        // Keeps answers apart when the output is a file or pipe, where no prompt separates them.
        options.out.write("\n");
      }
      prompt();
    }
  } finally {
    process.off("SIGINT", onInterrupt);
    rl.close();
  }
}
