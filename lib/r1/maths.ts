export const MATH_DIRECTIVE_EN = "Please reason step by step, and put your final answer within \\boxed{}.";
export const MATH_DIRECTIVE_ZH = "请逐步推理，并将最终答案放在 \\boxed{} 中。";

const LATEX_COMMAND =
  /\\(frac|sqrt|sum|int|lim|prod|binom|cdot|times|div|pm|leq|geq|neq|log|ln|sin|cos|tan|pi|infty)\b/;
const ARITHMETIC = /\d\s*[-+*/×÷^=<>]\s*[\d(a-z]|[a-z]\s*\^\s*\d|\d\s*[a-z]\s*[-+=]/i;
const ENGLISH_KEYWORDS =
  /\b(solve|calculate|compute|evaluate|simplify|integral|integrate|derivative|differentiate|equation|inequality|probability|prove|how many|how much|what is the (sum|product|value|remainder|area|volume|perimeter)|find (the )?(value|x|y|n|all|sum|number|area|remainder|smallest|largest|minimum|maximum)|greatest common divisor|least common multiple|gcd|lcm|factorial|square root|prime factors?)\b/i;
const NUMBER_WORD_ARITHMETIC =
  /\d\s*(times|plus|minus|divided by|multiplied by|to the power of|percent of)\s*\d/i;
const CHINESE_KEYWORDS =
  /(计算|求解|求出|解方程|方程|不等式|积分|导数|微分|概率|证明|多少|等于几|最小值|最大值|余数|面积|体积|周长|之和|最大公约数|最小公倍数|质数|素数|阶乘|平方根|\d\s*(乘以?|除以|加上?|减去?)\s*\d)/;

export function isMathQuestion(text: string): boolean {
  return (
    LATEX_COMMAND.test(text) ||
    ARITHMETIC.test(text) ||
    ENGLISH_KEYWORDS.test(text) ||
    NUMBER_WORD_ARITHMETIC.test(text) ||
    CHINESE_KEYWORDS.test(text)
  );
}

/** The user already asked for a boxed or step-by-step answer, so repeating it would only add noise. */
export function alreadyAsksForBoxedAnswer(text: string): boolean {
  return /\\boxed/.test(text) || /step[- ]by[- ]step/i.test(text) || /(逐步|一步一步|分步)/.test(text);
}
