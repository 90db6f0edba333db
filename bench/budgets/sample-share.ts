import type { SharedConversation } from "../../lib/share/shares";

/** A shared conversation with what a share page can hold: reasoning, maths, code and latency figures. */
export const SAMPLE_SHARE: SharedConversation = {
  title: "A definite integral",
  sharedAt: "2026-01-01T00:00:00.000Z",
  showQuestion: true,
  snapshot: {
    version: 1,
    messages: [
      { role: "user", text: "Integrate $x^2$ from 0 to 1, and show it in Python." },
      {
        role: "assistant",
        reasoning: "The antiderivative of $x^2$ is $x^3/3$; evaluate it at 1 and at 0.",
        answer:
          "$$\\int_0^1 x^2\\,dx = \\left[\\frac{x^3}{3}\\right]_0^1 = \\frac{1}{3}$$\n\n```python\nfrom sympy import integrate, symbols\nx = symbols('x')\nprint(integrate(x**2, (x, 0, 1)))\n```\n\nSo the answer is $\\boxed{\\tfrac{1}{3}}$.",
        model: "deepseek-r1",
        state: "complete",
        figures: { ttftMs: 420, thinkingMs: 3_100, answeringMs: 1_900, completionTokens: 512 },
      },
    ],
  },
};
