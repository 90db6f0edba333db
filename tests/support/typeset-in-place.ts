import { renderWithKatex } from "@/lib/markdown/katex-cache";
import { typesetMathInPlace } from "@/lib/markdown/math-typesetter";

// Rendering markdown outside a browser typesets maths on the spot, as the server does (see lazy-markdown.tsx).
typesetMathInPlace(renderWithKatex);
