const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/**
 * A new conversation's id: 16 random letters and digits, the shape of the AI SDK's ids, made without the
 * AI SDK, which the chat page loads only after its first paint. Works on plain-HTTP origins too, where
 * `crypto.randomUUID` is missing.
 */
export function newConversationId(): string {
  return Array.from(
    crypto.getRandomValues(new Uint8Array(16)),
    (byte) => ALPHABET[byte % ALPHABET.length],
  ).join("");
}
