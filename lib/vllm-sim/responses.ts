import { type Random, randomInt, shuffled } from "./prng";
import { containsCjk, countTokens } from "./tokenizer";

/** What the simulated model "writes": a thinking trace, then the visible answer. */
export interface ResponseText {
  /** Ends with "\n", as R1's traces do right before `</think>`. */
  reasoning: string;
  /** Without the "\n\n" that R1 puts right after `</think>`. */
  answer: string;
}

type Language = "en" | "zh";

/** One worked problem: how the trace opens, what it re-checks, how it ends, and the answer. */
interface Draft {
  opening: string;
  checks: readonly [string, ...string[]];
  conclusion: string;
  answer: string;
}

const lines = (...parts: string[]) => parts.join("\n");

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(6)));
}

const FILLERS: Record<Language, readonly [string, ...string[]]> = {
  en: [
    "Wait, let me make sure I didn't make a mistake here.",
    "Hmm, let me go through it once more, just to be careful.",
    "Let me check the steps again from the beginning.",
    "Wait, is there another way to see this? I think the direct way is the clearest.",
    "Actually, let me verify that one more time.",
  ],
  zh: [
    "等等，我再检查一下这一步有没有算错。",
    "嗯，为了保险起见，我再从头核对一遍。",
    "让我换个角度再想想，不过现在的思路应该是最清楚的。",
    "再验证一次比较稳妥。",
  ],
};

// ---------------------------------------------------------------------------------------------
// Arithmetic on the first two numbers of the question

interface Operation {
  keywords: RegExp;
  symbol: string;
  latex: string;
  wordEn: string;
  wordZh: string;
  apply: (a: number, b: number) => number;
  /** Recovers `a` from the result, for the "let me check" step. */
  inverse: { latex: string; symbol: string };
}

const OPERATIONS: readonly [Operation, ...Operation[]] = [
  {
    keywords: /\b(times|multipl\w*|product)\b|[*×乘]/i,
    symbol: "×",
    latex: String.raw`\times`,
    wordEn: "times",
    wordZh: "乘以",
    apply: (a, b) => a * b,
    inverse: { latex: String.raw`\div`, symbol: "÷" },
  },
  {
    keywords: /\b(minus|subtract\w*|difference)\b|\s-\s|[−减差]/i,
    symbol: "−",
    latex: "-",
    wordEn: "minus",
    wordZh: "减去",
    apply: (a, b) => a - b,
    inverse: { latex: "+", symbol: "+" },
  },
  {
    keywords: /\b(divid\w*|quotient)\b|\s\/\s|[÷除]/i,
    symbol: "÷",
    latex: String.raw`\div`,
    wordEn: "divided by",
    wordZh: "除以",
    apply: (a, b) => a / b,
    inverse: { latex: String.raw`\times`, symbol: "×" },
  },
];

const ADDITION: Operation = {
  keywords: /./,
  symbol: "+",
  latex: "+",
  wordEn: "plus",
  wordZh: "加上",
  apply: (a, b) => a + b,
  inverse: { latex: "-", symbol: "−" },
};

function arithmeticDraft(language: Language, a: number, b: number, question: string): Draft {
  const found = OPERATIONS.find((operation) => operation.keywords.test(question)) ?? ADDITION;
  const operation = found.symbol === "÷" && b === 0 ? ADDITION : found;
  const [x, y, result] = [a, b, operation.apply(a, b)].map(formatNumber) as [string, string, string];
  const check = `${result} ${operation.inverse.symbol} ${y} = ${x}`;
  const checkLatex = `${result} ${operation.inverse.latex} ${y} = ${x}`;
  if (language === "zh") {
    return {
      opening: lines(
        `嗯，用户问的是${x}${operation.wordZh}${y}等于多少。我先想一想怎么算比较稳妥。`,
        "",
        `首先把算式写出来：${x} ${operation.symbol} ${y}。一步一步算，结果是${result}。`,
      ),
      checks: [`反过来验算：${check}，没问题。`, `所以结果还是${result}。`],
      conclusion: `好的，答案应该是${result}。`,
      answer: lines(
        `要计算 \\( ${x} ${operation.latex} ${y} \\)，可以分步进行：`,
        "",
        `**第一步：** 写出算式 \\( ${x} ${operation.latex} ${y} \\)。`,
        "",
        "**第二步：** 计算结果：",
        "\\[",
        `${x} ${operation.latex} ${y} = ${result}`,
        "\\]",
        "",
        "**验算：**",
        "$$",
        checkLatex,
        "$$",
        "",
        `所以最终答案是 \\(\\boxed{${result}}\\)。`,
      ),
    };
  }
  return {
    opening: lines(
      `Okay, so I need to figure out what ${x} ${operation.wordEn} ${y} is. Hmm, let me think about this step by step.`,
      "",
      `First, I'll write it down: ${x} ${operation.symbol} ${y}. Working it out carefully, I get ${result}.`,
    ),
    checks: [`If I reverse it, ${check}, which matches.`, `So the result is still ${result}.`],
    conclusion: `So the answer should be ${result}.`,
    answer: lines(
      `To compute \\( ${x} ${operation.latex} ${y} \\), let's go step by step.`,
      "",
      `**Step 1:** Write the expression: \\( ${x} ${operation.latex} ${y} \\).`,
      "",
      "**Step 2:** Evaluate it:",
      "\\[",
      `${x} ${operation.latex} ${y} = ${result}`,
      "\\]",
      "",
      "**Check:**",
      "$$",
      checkLatex,
      "$$",
      "",
      `**Final Answer:** \\(\\boxed{${result}}\\)`,
    ),
  };
}

// ---------------------------------------------------------------------------------------------
// Quadratic equations

const QUADRATIC_KEYWORDS = /quadratic|x\s*\^\s*2|x²|二次|方程/i;
const QUADRATIC_EQUATION = /([+-]?\s*\d*)\s*x\s*(?:\^\s*2|²)\s*([+-]\s*\d*)\s*x\s*([+-]\s*\d+)\s*=\s*0/i;

interface Quadratic {
  a: number;
  b: number;
  c: number;
}

function coefficient(text: string): number {
  const compact = text.replace(/\s+/g, "");
  if (compact === "" || compact === "+") return 1;
  if (compact === "-") return -1;
  return Number(compact);
}

/** Uses the equation in the question when its roots are rational, else invents one with integer roots. */
function chooseQuadratic(question: string, random: Random): Quadratic {
  const match = QUADRATIC_EQUATION.exec(question);
  if (match) {
    const [a, b, c] = [match[1], match[2], match[3]].map((part) => coefficient(part ?? ""));
    if (a !== undefined && b !== undefined && c !== undefined && a !== 0) {
      const root = Math.sqrt(b * b - 4 * a * c);
      if (Number.isInteger(root)) return { a, b, c };
    }
  }
  const first = randomInt(random, 1, 6);
  const second = -randomInt(random, 1, 6);
  return { a: 1, b: -(first + second), c: first * second };
}

/** LaTeX for a·x² + b·x + c = 0 with the usual elisions (no "1x", no "+ -3", no zero terms). */
function formatQuadratic({ a, b, c }: Quadratic): string {
  const terms: string[] = [];
  for (const [value, variable] of [
    [a, "x^2"],
    [b, "x"],
    [c, ""],
  ] as const) {
    if (value === 0) continue;
    const magnitude = Math.abs(value) === 1 && variable ? "" : formatNumber(Math.abs(value));
    const sign = value < 0 ? "-" : "+";
    const lead = terms.length === 0 ? (value < 0 ? "-" : "") : `${sign} `;
    terms.push(`${lead}${magnitude}${variable}`);
  }
  return `${terms.join(" ")} = 0`;
}

function quadraticDraft(language: Language, question: string, random: Random): Draft {
  const quadratic = chooseQuadratic(question, random);
  const { a, b, c } = quadratic;
  const discriminant = b * b - 4 * a * c;
  const root = Math.sqrt(discriminant);
  const [x1, x2] = [(-b + root) / (2 * a), (-b - root) / (2 * a)].map(formatNumber) as [string, string];
  const equation = formatQuadratic(quadratic);
  const plain = equation.replace("x^2", "x²");
  const [sa, sb, sc, sd] = [a, b, c, discriminant].map(formatNumber) as [string, string, string, string];
  const formula = String.raw`x = \frac{-b \pm \sqrt{b^2 - 4ac}}{2a}`;
  const roots = String.raw`x = \frac{${formatNumber(-b)} \pm ${formatNumber(root)}}{${formatNumber(2 * a)}}`;
  if (language === "zh") {
    return {
      opening: lines(
        `好的，我需要解这个一元二次方程：${plain}。可以用因式分解、配方法或者求根公式。`,
        "",
        `我用求根公式吧，这样最稳妥。这里 a = ${sa}，b = ${sb}，c = ${sc}。`,
        "",
        `先算判别式：b² − 4ac = ${sd}，它的平方根是${formatNumber(root)}。所以 x = ${x1} 或 x = ${x2}。`,
      ),
      checks: [`把 x = ${x1} 代回原方程，结果等于0，没问题。`, `再代入 x = ${x2}，同样成立。`],
      conclusion: `所以方程的两个根是 ${x1} 和 ${x2}。`,
      answer: lines(
        `要解方程 \\( ${equation} \\)，我们使用求根公式：`,
        "",
        "$$",
        formula,
        "$$",
        "",
        `1. **确定系数：** \\( a = ${sa} \\)，\\( b = ${sb} \\)，\\( c = ${sc} \\)。`,
        `2. **计算判别式：** \\( \\Delta = b^2 - 4ac = ${sd} \\)。`,
        "3. **求根：**",
        "\\[",
        roots,
        "\\]",
        "",
        `因此方程的解为 \\( x = ${x1} \\) 或 \\( x = ${x2} \\)。`,
        "",
        "\\[",
        `\\boxed{x = ${x1} \\text{ 或 } x = ${x2}}`,
        "\\]",
      ),
    };
  }
  return {
    opening: lines(
      `Okay, so I have this quadratic equation: ${plain}. I need to solve for x. Hmm, I remember there are a few ways: factoring, completing the square, or the quadratic formula.`,
      "",
      `Let me use the quadratic formula since it always works. Here a = ${sa}, b = ${sb}, and c = ${sc}.`,
      "",
      `First, the discriminant: b² − 4ac = ${sd}. Its square root is ${formatNumber(root)}. So x = ${x1} or x = ${x2}.`,
    ),
    checks: [
      `Let me check by plugging x = ${x1} back in. Yes, that gives 0.`,
      `And x = ${x2} also gives 0, so both roots work.`,
    ],
    conclusion: `So the solutions are x = ${x1} and x = ${x2}.`,
    answer: lines(
      `To solve the quadratic equation \\( ${equation} \\), we use the quadratic formula:`,
      "",
      "$$",
      formula,
      "$$",
      "",
      `1. **Identify the coefficients:** \\( a = ${sa} \\), \\( b = ${sb} \\), \\( c = ${sc} \\).`,
      `2. **Compute the discriminant:** \\( \\Delta = b^2 - 4ac = ${sd} \\).`,
      "3. **Find the roots:**",
      "\\[",
      roots,
      "\\]",
      "",
      `The solutions are \\( x = ${x1} \\) and \\( x = ${x2} \\).`,
      "",
      "\\[",
      `\\boxed{x = ${x1} \\text{ or } x = ${x2}}`,
      "\\]",
    ),
  };
}

// ---------------------------------------------------------------------------------------------
// Anything else: a structured explanation with a small worked example

const REQUEST_PREAMBLE = /^(please\s+|can you\s+|could you\s+)*(explain|describe|tell me about)\s+/i;

function topicOf(question: string, language: Language): string {
  const trimmed = question
    .trim()
    .replace(/[?？。.!！]+$/u, "")
    .replace(REQUEST_PREAMBLE, "");
  if (language === "zh") return trimmed.length > 20 ? `${trimmed.slice(0, 20)}…` : trimmed;
  const words = trimmed.split(/\s+/);
  return words.length > 10 ? `${words.slice(0, 10).join(" ")}…` : trimmed;
}

function explanationDraft(language: Language, question: string, random: Random): Draft {
  const topic = topicOf(question, language) || (language === "zh" ? "这个问题" : "this question");
  const mean = randomInt(random, 3, 9);
  const spread = randomInt(random, 1, mean - 1);
  const values = [mean - spread, mean, mean + spread];
  const list = values.join(", ");
  const sum = 3 * mean;
  const meanFormula = String.raw`\bar{x} = \frac{1}{n} \sum_{i=1}^{n} x_i`;
  const worked = String.raw`\bar{x} = \frac{${values.join(" + ")}}{3} = \frac{${sum}}{3} = ${mean}`;
  const boxed = String.raw`\boxed{\bar{x} = ${mean}}`;
  if (language === "zh") {
    return {
      opening: lines(
        `嗯，用户想了解“${topic}”。我应该先理清基本概念，再一步一步展开。`,
        "",
        "我记得关键是先给出定义，然后说明它是怎么运作的，最后举一个简单的例子。",
        "",
        `例子可以用求平均数：对 ${list} 这三个数，平均数是 ${sum} ÷ 3。`,
      ),
      checks: [`算一下，${sum} ÷ 3 = ${mean}，没错。`, "结构上：定义、要点、例子、总结，这样比较清楚。"],
      conclusion: "好，我来整理一下回答。",
      answer: lines(
        "## 概述",
        "",
        `关于“${topic}”，可以从几个关键点来理解。`,
        "",
        "### 要点",
        "",
        "- **定义：** 先弄清楚核心概念指的是什么。",
        "- **原理：** 再看它是如何一步步运作的。",
        "- **意义：** 最后思考它为什么重要。",
        "",
        "### 一个小例子",
        "",
        "设有 \\( n \\) 个数 \\( x_1, x_2, \\dots, x_n \\)，它们的平均数是",
        "",
        "$$",
        meanFormula,
        "$$",
        "",
        `对 \\( ${list} \\) 来说：`,
        "\\[",
        worked,
        "\\]",
        "",
        "### 总结",
        "",
        "\\[",
        boxed,
        "\\]",
      ),
    };
  }
  return {
    opening: lines(
      `Okay, so I need to explain ${topic}. Hmm, where do I start? I think the key is to break it down into the basic ideas first.`,
      "",
      "Let me recall what I know. A good answer should give a short definition, explain how it works, and then show a simple example.",
      "",
      `For the example, maybe something concrete like an average: for ${list}, the mean is ${sum} divided by 3.`,
    ),
    checks: [
      `Let me check: ${sum} ÷ 3 = ${mean}. Yes, that's right.`,
      "The structure makes sense: definition, key points, example, summary.",
    ],
    conclusion: "Alright, let me put the answer together.",
    answer: lines(
      "## Overview",
      "",
      `Here is a structured look at ${topic}.`,
      "",
      "### Key points",
      "",
      "- **Definition:** start from what the core idea means.",
      "- **How it works:** follow the mechanism step by step.",
      "- **Why it matters:** connect it to a concrete use.",
      "",
      "### A small example",
      "",
      "Given \\( n \\) values \\( x_1, x_2, \\dots, x_n \\), their mean is",
      "",
      "$$",
      meanFormula,
      "$$",
      "",
      `For \\( ${list} \\):`,
      "\\[",
      worked,
      "\\]",
      "",
      "### Summary",
      "",
      "\\[",
      boxed,
      "\\]",
    ),
  };
}

// ---------------------------------------------------------------------------------------------

function draftFor(question: string, language: Language, random: Random): Draft {
  if (QUADRATIC_KEYWORDS.test(question)) return quadraticDraft(language, question, random);
  const numbers = question.match(/\d+(?:\.\d+)?/g)?.map(Number) ?? [];
  const [a, b] = numbers;
  if (a !== undefined && b !== undefined) return arithmeticDraft(language, a, b, question);
  return explanationDraft(language, question, random);
}

/**
 * Writes an R1-style reply to the last user message. The trace re-checks its work until it
 * reaches roughly `reasoningTokens`, so callers control the length without changing the answer.
 */
export function composeResponse(question: string, random: Random, reasoningTokens: number): ResponseText {
  const language: Language = containsCjk(question) ? "zh" : "en";
  const draft = draftFor(question, language, random);
  const separator = language === "zh" ? "" : " ";
  const fillers = shuffled(random, FILLERS[language]);
  const paragraphs = [draft.opening];
  let tokens = countTokens(draft.opening) + countTokens(draft.conclusion);
  for (let i = 0; i === 0 || tokens < reasoningTokens; i++) {
    const paragraph = `${fillers[i % fillers.length]}${separator}${draft.checks[i % draft.checks.length]}`;
    paragraphs.push(paragraph);
    tokens += countTokens(paragraph) + 1;
  }
  paragraphs.push(draft.conclusion);
  return { reasoning: `${paragraphs.join("\n\n")}\n`, answer: draft.answer };
}
