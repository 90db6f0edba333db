import { describe, expect, it } from "vitest";
import { type DoctorReport, formatReport } from "@/lib/doctor";

const report: DoctorReport = {
  baseURL: "http://gpu:8000/v1",
  server: { version: "0.16.0", model: "r1", maxModelLen: 32768 },
  findings: [
    { id: "health", status: "ok", title: "Engine healthy", detail: "/health answered 200." },
    {
      id: "stream-buffering",
      status: "warn",
      title: "Tokens arrive in lumps",
      detail: "Whole events are held back and released together by something between here and vLLM.",
      fix: "nginx: proxy_buffering off;",
    },
    { id: "chat", status: "fail", title: "Chat completion failed", detail: "HTTP 500." },
    { id: "auth", status: "info", title: "No API key required", detail: "Open." },
  ],
  measurements: {},
  requests: 21,
  durationMs: 3200,
  passed: false,
};

describe("formatReport", () => {
  it("aligns marks, ids and titles, and indents wrapped details and fixes beneath them", () => {
    expect(formatReport(report, { width: 70 })).toBe(
      [
        "r1-chat doctor · http://gpu:8000/v1",
        "vLLM 0.16.0 · r1 · max_model_len 32,768",
        "",
        "✓ health            Engine healthy",
        "                    /health answered 200.",
        "! stream-buffering  Tokens arrive in lumps",
        "                    Whole events are held back and released together",
        "                    by something between here and vLLM.",
        "                    Fix: nginx: proxy_buffering off;",
        "✗ chat              Chat completion failed",
        "                    HTTP 500.",
        "i auth              No API key required",
        "                    Open.",
        "",
        "1 ok · 1 warning · 1 failed · 1 info · 21 requests in 3.2 s",
      ].join("\n"),
    );
  });

  it("colours marks only when asked", () => {
    expect(formatReport(report)).not.toContain("\u001b[");
    expect(formatReport(report, { color: true })).toContain("\u001b[31m✗\u001b[0m");
  });
});
