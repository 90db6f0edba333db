/**
 * Puts `text` on the clipboard; false if the browser refused. The async Clipboard API only exists in
 * secure contexts, and self-hosted chats are often opened over plain http on a LAN address, so the
 * old selection-and-execCommand way is kept as a fallback.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return copyWithSelection(text);
  }
}

function copyWithSelection(text: string): boolean {
  const textarea = document.createElement("textarea");
  textarea.value = text;
  textarea.setAttribute("readonly", "");
  // Off-screen rather than display:none, which cannot be selected; fixed, so the page does not scroll to it.
  textarea.style.position = "fixed";
  textarea.style.left = "-9999px";
  document.body.append(textarea);
  try {
    textarea.select();
    return document.execCommand("copy");
  } catch {
    return false;
  } finally {
    textarea.remove();
  }
}
