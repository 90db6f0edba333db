/**
 * A long DeepSeek-R1-style reply for the render benchmark, generated rather than committed: a thinking
 * trace, then an answer that works through `PARTS` integrals with every maths dialect R1 mixes
 * (`\( \)`, `\[ \]`, `$$`, `$`), lists, tables and code blocks, ending in a `\boxed{}` total.
 * Deterministic and ASCII-only, so the simulator streams exactly the same tokens on every run.
 *
 * Tables and code cost more to render than prose (a growing table is laid out again as a whole), so the
 * answer opens with an overview table and a code block as it closes with a summary table and code: the
 * benchmark compares the cost per token at the start and at the end, which should differ by the answer's
 * length only, not by what kind of content happens to stream there.
 */

export interface R1Reply {
  reasoning: string;
  answer: string;
}

const PARTS = 8;
/** The trace re-checks each part this many times, as R1 does, to reach a realistic length. */
const REASONING_PASSES = 3;

/** An exact fraction in lowest terms. */
interface Fraction {
  num: number;
  den: number;
}

function gcd(a: number, b: number): number {
  return b === 0 ? Math.abs(a) : gcd(b, a % b);
}

function fraction(num: number, den: number): Fraction {
  const divisor = gcd(num, den);
  return { num: num / divisor, den: den / divisor };
}

function add(a: Fraction, b: Fraction): Fraction {
  return fraction(a.num * b.den + b.num * a.den, a.den * b.den);
}

const tex = ({ num, den }: Fraction) => (den === 1 ? String(num) : `\\frac{${num}}{${den}}`);
const plain = ({ num, den }: Fraction) => (den === 1 ? String(num) : `${num}/${den}`);

/** Part k studies f_k(x) = x^k + kx on [0, 1]; its integral is 1/(k+1) + k/2. */
function integralOf(k: number): Fraction {
  return add(fraction(1, k + 1), fraction(k, 2));
}

function reasoningFor(k: number, pass: number): string {
  const value = integralOf(k);
  const opening = [
    `Okay, now part ${k}. The function is f_${k}(x) = x^${k} + ${k}x, and I need its integral from 0 to 1.`,
    `Wait, let me redo part ${k} to be sure. f_${k}(x) = x^${k} + ${k}x again.`,
    `Hmm, let me check part ${k} one more time, with the formula \\( \\int_0^1 x^n \\, dx = \\frac{1}{n+1} \\).`,
  ][pass % 3];
  return [
    opening,
    `The antiderivative of x^${k} is x^${k + 1}/${k + 1}, so from 0 to 1 that part gives 1/${k + 1}.`,
    `The antiderivative of ${k}x is ${k}x^2/2, which gives ${k}/2 on [0, 1].`,
    `Adding them: 1/${k + 1} + ${k}/2 = ${plain(value)}. Let me verify with a common denominator of ${2 * (k + 1)}: ` +
      `that is ${2}/${2 * (k + 1)} + ${k * (k + 1)}/${2 * (k + 1)} = ${2 + k * (k + 1)}/${2 * (k + 1)}, which reduces to ${plain(value)}.`,
    pass === 0
      ? `At x = 2 the function is 2^${k} + ${2 * k} = ${2 ** k + 2 * k}, which I will need for the table later.`
      : `Yes, ${plain(value)} again, so part ${k} is consistent.`,
  ].join(" ");
}

function reasoning(): string {
  const paragraphs = [
    `Okay, so I need to find the sum of the integrals of f_k(x) = x^k + kx over [0, 1] for k from 1 to ${PARTS}, ` +
      "and show the work for each one. Hmm, each integral splits into two easy pieces, so let me just go through them.",
  ];
  for (let pass = 0; pass < REASONING_PASSES; pass++) {
    for (let k = 1; k <= PARTS; k++) paragraphs.push(reasoningFor(k, pass));
    paragraphs.push(
      pass < REASONING_PASSES - 1
        ? "Wait, before I add everything up, let me go through all the parts again. It is easy to slip on a denominator."
        : "Alright, every part checks out. Now the total, and then I will write the answer with tables and a bit of code.",
    );
  }
  return `${paragraphs.join("\n\n")}\n`;
}

function partSection(k: number): string {
  const value = integralOf(k);
  const lines = [
    `### Part ${k}: \\( f_{${k}}(x) = x^{${k}} + ${k}x \\)`,
    "",
    `We integrate \\( f_{${k}} \\) over \\( [0, 1] \\) term by term. The power rule gives $\\int_0^1 x^{${k}}\\,dx = \\frac{1}{${k + 1}}$, ` +
      `and the linear term gives $\\int_0^1 ${k}x\\,dx = \\frac{${k}}{2}$.`,
    "",
    "\\[",
    `\\int_0^1 \\left( x^{${k}} + ${k}x \\right) dx = \\frac{1}{${k + 1}} + \\frac{${k}}{2} = ${tex(value)}`,
    "\\]",
    "",
    `As a check, the derivative of \\( F_{${k}}(x) = \\frac{x^{${k + 1}}}{${k + 1}} + \\frac{${k}x^2}{2} \\) is $f_{${k}}(x)$, and`,
    "",
    "$$",
    `F_{${k}}(1) - F_{${k}}(0) = ${tex(value)} \\approx ${(value.num / value.den).toFixed(4)}`,
    "$$",
    "",
    `- At \\( x = 1 \\): $f_{${k}}(1) = ${k + 1}$`,
    `- At \\( x = 2 \\): $f_{${k}}(2) = 2^{${k}} + ${2 * k} = ${2 ** k + 2 * k}$`,
  ];
  if (k % 3 === 0) lines.push("", ...valueTable(k));
  if (k % 4 === 0) lines.push("", ...codeCheck(k));
  return lines.join("\n");
}

function valueTable(k: number): string[] {
  const rows = [0, 1, 2, 3].map(
    (x) => `| ${x} | $${x}^{${k}}$ | \\( ${k} \\cdot ${x} \\) | ${x ** k + k * x} |`,
  );
  return [`| \\( x \\) | $x^{${k}}$ | \\( ${k}x \\) | \\( f_{${k}}(x) \\) |`, "|---|---|---|---|", ...rows];
}

function codeCheck(k: number): string[] {
  if ((k / 4) % 2 === 1) {
    return [
      "The midpoint rule agrees:",
      "",
      "```python",
      `def f(x, k=${k}):`,
      "    return x**k + k * x",
      "",
      `print(round(midpoint(f), 6))  # ${(integralOf(k).num / integralOf(k).den).toFixed(6)}`,
      "```",
    ];
  }
  return [
    "The same check in TypeScript:",
    "",
    "```ts",
    `const f = (x: number, k = ${k}): number => x ** k + k * x;`,
    "",
    "function midpoint(g: (x: number) => number, n = 10_000): number {",
    "  let sum = 0;",
    "  for (let i = 0; i < n; i++) sum += g((i + 0.5) / n);",
    "  return sum / n;",
    "}",
    "",
    `console.log(midpoint(f).toFixed(6)); // ${(integralOf(k).num / integralOf(k).den).toFixed(6)}`,
    "```",
  ];
}

const parts = Array.from({ length: PARTS }, (_, index) => index + 1);

function answer(): string {
  let total: Fraction = { num: 0, den: 1 };
  for (const k of parts) total = add(total, integralOf(k));
  const overview = parts.map(
    (k) => `| ${k} | \\( x^{${k}} + ${k}x \\) | $x^{${k + 1}}/${k + 1} + ${k}x^2/2$ |`,
  );
  const summary = parts.map(
    (k) => `| ${k} | \\( \\frac{1}{${k + 1}} \\) | $\\frac{${k}}{2}$ | \\( ${tex(integralOf(k))} \\) |`,
  );
  return [
    `We compute \\( S = \\sum_{k=1}^{${PARTS}} \\int_0^1 f_k(x)\\,dx \\) where \\( f_k(x) = x^k + kx \\).`,
    "",
    "| \\( k \\) | \\( f_k(x) \\) | antiderivative |",
    "|---|---|---|",
    ...overview,
    "",
    "For every part we use the power rule",
    "",
    "$$",
    "\\int_0^1 x^n \\, dx = \\left[ \\frac{x^{n+1}}{n+1} \\right]_0^1 = \\frac{1}{n+1}, \\qquad n \\ge 0.",
    "$$",
    "",
    "and check each result numerically with the midpoint rule:",
    "",
    "```python",
    "def midpoint(g, n=10_000):",
    "    h = 1 / n",
    "    return h * sum(g((i + 0.5) * h) for i in range(n))",
    "```",
    "",
    ...parts.flatMap((k) => [partSection(k), ""]),
    "## Summary",
    "",
    "| \\( k \\) | power term | linear term | integral |",
    "|---|---|---|---|",
    ...summary,
    "",
    `Adding the ${PARTS} integrals, the linear terms give \\( \\frac{1}{2} \\sum_{k=1}^{${PARTS}} k = \\frac{${(PARTS * (PARTS + 1)) / 2}}{2} \\) ` +
      `and the power terms give \\( H_{${PARTS + 1}} - 1 \\), so`,
    "",
    "\\[",
    `S = \\left( H_{${PARTS + 1}} - 1 \\right) + \\frac{${(PARTS * (PARTS + 1)) / 2}}{2} = ${tex(total)}`,
    "\\]",
    "",
    "**Final Answer**",
    "",
    "\\[",
    `\\boxed{S = ${tex(total)}}`,
    "\\]",
  ].join("\n");
}

export function longR1Reply(): R1Reply {
  return { reasoning: reasoning(), answer: answer() };
}
