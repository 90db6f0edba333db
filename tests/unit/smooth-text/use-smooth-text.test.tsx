import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { useSmoothText } from "@/lib/smooth-text/use-smooth-text";

function Answer({ text, streaming, enabled }: { text: string; streaming: boolean; enabled: boolean }) {
  return <p>{useSmoothText(text, streaming, enabled)}</p>;
}

describe("useSmoothText", () => {
  it.each([
    [true, true],
    [true, false],
    [false, true],
  ])(
    "renders the whole text on the server and in the hydrating render (streaming %s, enabled %s)",
    (streaming, enabled) => {
      expect(
        renderToStaticMarkup(<Answer text="思考完毕 😀" streaming={streaming} enabled={enabled} />),
      ).toBe("<p>思考完毕 😀</p>");
    },
  );
});
