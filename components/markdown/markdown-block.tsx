import { memo } from "react";
import ReactMarkdown from "react-markdown";
import rehypeKatex, { type Options as KatexOptions } from "rehype-katex";
import remarkGfm from "remark-gfm";
import remarkMath from "remark-math";
import { markdownElements } from "./markdown-elements";

// No `throwOnError: false` needed (its type even forbids it): rehype-katex retries a failing formula with it,
// so malformed model maths renders in red instead of breaking the answer.
const katexOptions: KatexOptions = { strict: false, output: "htmlAndMathml" };
const remarkPlugins = [remarkGfm, remarkMath];
const rehypePlugins: [[typeof rehypeKatex, KatexOptions]] = [[rehypeKatex, katexOptions]];

/**
 * One top-level markdown block. Memoised on its text alone, so blocks that have finished streaming
 * are not re-parsed or re-typeset when more text arrives.
 */
export const MarkdownBlock = memo(function MarkdownBlock({ text }: { text: string }) {
  return (
    <ReactMarkdown remarkPlugins={remarkPlugins} rehypePlugins={rehypePlugins} components={markdownElements}>
      {text}
    </ReactMarkdown>
  );
});
