export type Topic = "arithmetic" | "algebra" | "number theory" | "combinatorics" | "geometry";

export interface Problem {
  id: string;
  topic: Topic;
  question: string;
  /** The canonical answer; `answersMatch` accepts equivalent forms. Several values are comma-separated. */
  answer: string;
}

/**
 * Short problems with one checkable answer, in our own wording. Each is phrased so `isMathQuestion`
 * recognises it, since the R1 rules add their step-by-step directive only to questions it recognises.
 */
export const PROBLEMS: readonly Problem[] = [
  { id: "arith-product", topic: "arithmetic", question: "Compute 37 × 24.", answer: "888" },
  {
    id: "arith-order-of-operations",
    topic: "arithmetic",
    question: "Evaluate 2 + 3 × 4 − 6 ÷ 2.",
    answer: "11",
  },
  {
    id: "arith-fraction-sum",
    topic: "arithmetic",
    question: "Compute 1/3 + 1/6 and give the result as a fraction in lowest terms.",
    answer: "\\frac{1}{2}",
  },
  {
    id: "arith-discount",
    topic: "arithmetic",
    question:
      "A jacket priced at 80 dollars is sold at 15% off. How much does it cost after the discount, in dollars?",
    answer: "68",
  },
  { id: "arith-decimal-product", topic: "arithmetic", question: "Calculate 2.5 × 1.2.", answer: "3" },
  { id: "arith-zh-product", topic: "arithmetic", question: "计算 125 × 8 等于多少？", answer: "1000" },
  { id: "alg-linear", topic: "algebra", question: "Solve for x: 3x + 7 = 22.", answer: "5" },
  { id: "alg-fractional-root", topic: "algebra", question: "Solve 4x = 6 for x.", answer: "\\frac{3}{2}" },
  {
    id: "alg-quadratic",
    topic: "algebra",
    question: "Find all real solutions of x^2 - 5x + 6 = 0.",
    answer: "2, 3",
  },
  {
    id: "alg-system",
    topic: "algebra",
    question: "If x + y = 10 and x − y = 4, what is the value of xy?",
    answer: "21",
  },
  {
    id: "alg-function-value",
    topic: "algebra",
    question: "Let f(x) = 2x^2 - 3x + 1. Compute f(3).",
    answer: "10",
  },
  {
    id: "alg-geometric-series",
    topic: "algebra",
    question: "Find the sum of the infinite geometric series 1 + 1/2 + 1/4 + 1/8 + ⋯",
    answer: "2",
  },
  { id: "alg-zh-linear", topic: "algebra", question: "求方程 2x + 5 = 17 的解。", answer: "6" },
  {
    id: "alg-zh-quadratic",
    topic: "algebra",
    question: "解方程 x^2 + x - 6 = 0，写出所有实数根。",
    answer: "-3, 2",
  },
  {
    id: "nt-gcd",
    topic: "number theory",
    question: "Compute the greatest common divisor of 84 and 126.",
    answer: "42",
  },
  {
    id: "nt-remainder",
    topic: "number theory",
    question: "What is the remainder when 2^10 is divided by 7?",
    answer: "2",
  },
  {
    id: "nt-prime-count",
    topic: "number theory",
    question: "How many prime numbers are there between 1 and 50?",
    answer: "15",
  },
  {
    id: "nt-digit-sum",
    topic: "number theory",
    question: "What is the sum of the digits of 2^15?",
    answer: "26",
  },
  {
    id: "nt-divisor-count",
    topic: "number theory",
    question: "How many positive divisors does 360 have?",
    answer: "24",
  },
  { id: "nt-zh-lcm", topic: "number theory", question: "12 和 18 的最小公倍数是多少？", answer: "36" },
  {
    id: "comb-committee",
    topic: "combinatorics",
    question: "In how many ways can a committee of 3 people be chosen from 8 people?",
    answer: "56",
  },
  {
    id: "comb-word-arrangements",
    topic: "combinatorics",
    question: "How many distinct arrangements of the letters in LEVEL are there?",
    answer: "30",
  },
  {
    id: "comb-dice",
    topic: "combinatorics",
    question: "Two fair six-sided dice are rolled. What is the probability that the total is 7?",
    answer: "\\frac{1}{6}",
  },
  {
    id: "comb-handshakes",
    topic: "combinatorics",
    question:
      "Ten guests at a party each shake hands with every other guest exactly once. How many handshakes are there?",
    answer: "45",
  },
  {
    id: "comb-coin",
    topic: "combinatorics",
    question: "A fair coin is tossed 4 times. What is the probability of getting exactly 2 heads?",
    answer: "\\frac{3}{8}",
  },
  {
    id: "comb-zh-officers",
    topic: "combinatorics",
    question: "从 5 名学生中选出 2 名分别担任班长和副班长，共有多少种不同的选法？",
    answer: "20",
  },
  {
    id: "geo-square-diagonal",
    topic: "geometry",
    question: "Compute the length of the diagonal of a square whose sides have length 3.",
    answer: "3\\sqrt{2}",
  },
];
