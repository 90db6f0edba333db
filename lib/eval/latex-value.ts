/**
 * The numeric value of an answer written as LaTeX or plain arithmetic (`\frac{3}{2}`, `3/2`, `1.5`,
 * `2\sqrt{3}`, `\binom{8}{3}`, `2^{10}`), or undefined when it is not a closed-form number.
 */
export function latexValue(source: string): number | undefined {
  const parser = new ExpressionParser(prepare(source));
  try {
    const value = parser.expression();
    return parser.atEnd() && Number.isFinite(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function prepare(source: string): string {
  return source
    .replace(/\\[dt]frac/g, "\\frac")
    .replace(/\\(?:left|right)\b/g, "")
    .replace(/\\(?:cdot|times)/g, "*")
    .replace(/\\div/g, "/")
    .replace(/[×·]/g, "*")
    .replace(/÷/g, "/")
    .replace(/[−–]/g, "-")
    .replace(/\s+/g, "");
}

class NotANumber extends Error {}

/** Recursive descent over the usual precedence: sums, products (also implicit: `2\pi`), signs, powers. */
class ExpressionParser {
  private at = 0;

  constructor(private readonly text: string) {}

  atEnd(): boolean {
    return this.at === this.text.length;
  }

  expression(): number {
    let value = this.term();
    for (let next = this.peek(); next === "+" || next === "-"; next = this.peek()) {
      this.at++;
      value = next === "+" ? value + this.term() : value - this.term();
    }
    return value;
  }

  private term(): number {
    let value = this.signed();
    for (;;) {
      const next = this.peek();
      if (next === "*" || next === "/") {
        this.at++;
        value = next === "*" ? value * this.signed() : value / this.signed();
      } else if (next !== undefined && /[({\\\d]/.test(next)) {
        // Juxtaposition multiplies: `2\pi`, `3(4)`, `3!\,5!`. A digit cannot follow a number here, since
        // numbers are read greedily, so it always starts a new factor.
        value *= this.signed();
      } else {
        return value;
      }
    }
  }

  private signed(): number {
    const next = this.peek();
    if (next === "-" || next === "+") {
      this.at++;
      return next === "-" ? -this.signed() : this.signed();
    }
    return this.power();
  }

  private power(): number {
    let base = this.atom();
    while (this.peek() === "!") {
      this.at++;
      base = factorial(base);
    }
    if (this.peek() !== "^") return base;
    this.at++;
    return base ** this.signedPowerOperand();
  }

  private signedPowerOperand(): number {
    if (this.peek() === "-") {
      this.at++;
      return -this.power();
    }
    return this.power();
  }

  private atom(): number {
    const next = this.peek();
    if (next === "(" || next === "{") return this.group(next === "(" ? ")" : "}");
    if (next === "\\") return this.command();
    const number = /^(?:\d+(?:\.\d*)?|\.\d+)/.exec(this.text.slice(this.at));
    if (!number) throw new NotANumber();
    this.at += number[0].length;
    return Number(number[0]);
  }

  private group(close: string): number {
    this.at++;
    const value = this.expression();
    this.expect(close);
    return value;
  }

  private command(): number {
    const name = /^\\([a-zA-Z]+)/.exec(this.text.slice(this.at))?.[1];
    if (!name) throw new NotANumber();
    this.at += name.length + 1;
    switch (name) {
      case "frac":
        return this.argument() / this.argument();
      case "binom":
        return binomial(this.argument(), this.argument());
      case "sqrt": {
        let degree = 2;
        if (this.peek() === "[") {
          this.at++;
          degree = this.expression();
          this.expect("]");
        }
        return this.argument() ** (1 / degree);
      }
      case "pi":
        return Math.PI;
      default:
        throw new NotANumber();
    }
  }

  /** A braced group, or LaTeX's single-character shorthand (`\frac12`). */
  private argument(): number {
    if (this.peek() === "{") return this.group("}");
    const digit = this.peek();
    if (digit !== undefined && /\d/.test(digit)) {
      this.at++;
      return Number(digit);
    }
    return this.atom();
  }

  private peek(): string | undefined {
    return this.text[this.at];
  }

  private expect(character: string): void {
    if (this.peek() !== character) throw new NotANumber();
    this.at++;
  }
}

const MAX_FACTORIAL = 170;

function factorial(n: number): number {
  if (!Number.isInteger(n) || n < 0 || n > MAX_FACTORIAL) throw new NotANumber();
  let product = 1;
  for (let k = 2; k <= n; k++) product *= k;
  return product;
}

function binomial(n: number, k: number): number {
  if (!Number.isInteger(n) || !Number.isInteger(k) || k < 0 || n < k) throw new NotANumber();
  let result = 1;
  for (let i = 1; i <= Math.min(k, n - k); i++) result = (result * (n - i + 1)) / i;
  return Math.round(result);
}
