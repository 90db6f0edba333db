/** ANSI styling for terminal output; every function is the identity when colour is off. */
export interface Style {
  enabled: boolean;
  dim(text: string): string;
  grey(text: string): string;
  bold(text: string): string;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
}

const wrap = (open: number, close: number) => (text: string) => `\x1b[${open}m${text}\x1b[${close}m`;
const plain = (text: string) => text;

export function createStyle(enabled: boolean): Style {
  if (!enabled) {
    return { enabled, dim: plain, grey: plain, bold: plain, red: plain, green: plain, yellow: plain };
  }
  return {
    enabled,
    dim: wrap(2, 22),
    grey: wrap(90, 39),
    bold: wrap(1, 22),
    red: wrap(31, 39),
    green: wrap(32, 39),
    yellow: wrap(33, 39),
  };
}

/** Follows https://no-color.org: any non-empty NO_COLOR turns colour off, and so does a pipe or file. */
export function colorWanted(stream: { isTTY?: boolean }, noColor: string | undefined): boolean {
  return stream.isTTY === true && !noColor;
}
