import { memo } from "react";
import ReactMarkdown from "react-markdown";
import remarkGfm from "remark-gfm";
import remarkMath from "remark-math";
import { isTooDeeplyNested } from "@/lib/markdown/nesting-depth";
import { safeLinkUrl } from "@/lib/markdown/safe-url";
import { markdownElements } from "./markdown-elements";

const remarkPlugins = [remarkGfm, remarkMath];

/**
 * One top-level markdown block. Memoised on its text alone, so blocks that have finished streaming
 * are not re-parsed or re-typeset when more text arrives. There is deliberately no rehype-raw: HTML the
 * model writes is shown as text, never parsed into the page.
 */
export const MarkdownBlock = memo(function MarkdownBlock({ text }: { text: string }) {
  // Nesting no real answer has would make parsing slow or overflow the stack: show the text as it is.
  if (isTooDeeplyNested(text)) return <p className="my-3 whitespace-pre-wrap">{text}</p>;
  return (
    <ReactMarkdown remarkPlugins={remarkPlugins} components={markdownElements} urlTransform={safeLinkUrl}>
      {text}
    </ReactMarkdown>
  );
});
