const TITLE_LENGTH = 60;

/**
 * A conversation's title, from its first question: the first line, cut to TITLE_LENGTH characters. The
 * server names the stored conversation with it and the page names a new chat with it before the server
 * has answered, so both show the same title.
 */
export function conversationTitle(question: string): string {
  const firstLine = question.trim().split("\n")[0] ?? "";
  return firstLine.length > TITLE_LENGTH ? `${firstLine.slice(0, TITLE_LENGTH - 1)}…` : firstLine;
}
