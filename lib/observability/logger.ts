import "server-only";
import pino, { type Logger } from "pino";
import { getConfig } from "@/lib/config";

const KEY = Symbol.for("r1-chat.logger");
type Holder = { [KEY]?: Logger };

/** Structured JSON logs, one line per event; message content is never logged. */
export function logger(): Logger {
  const holder = globalThis as Holder;
  holder[KEY] ??= pino({ level: getConfig().LOG_LEVEL, base: { service: "r1-chat" } });
  return holder[KEY];
}
