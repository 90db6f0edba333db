"use client";

import { useState } from "react";

/** One hydrated control, as the smallest chat page would have. */
export function Composer() {
  const [text, setText] = useState("");
  return (
    <form onSubmit={(event) => event.preventDefault()}>
      <label>
        Question
        <textarea value={text} onChange={(event) => setText(event.target.value)} />
      </label>
      <button type="submit" disabled={text.trim() === ""}>
        Send
      </button>
    </form>
  );
}
