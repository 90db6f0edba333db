import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "@/lib/config";

describe("parseConfig", () => {
  it("runs on the built-in simulator with defaults when nothing is set", () => {
    const config = parseConfig({});
    expect(config.VLLM_BASE_URL).toBeUndefined();
    expect(config.VLLM_REASONING).toBe("auto");
    expect(config.R1_FORCE_THINK_PREFIX).toBe(false);
    expect(config.R1_DEFAULT_MAX_TOKENS).toBe(32_768);
    expect(config.SIM_REASONING_PARSER).toBe(true);
  });

  it("has limits and timeouts that suit a reasoning model by default, and refuses zero or negative ones", () => {
    const config = parseConfig({});
    expect(config.UPSTREAM_FIRST_TOKEN_TIMEOUT_MS).toBe(120_000);
    expect(config.UPSTREAM_IDLE_TIMEOUT_MS).toBe(60_000);
    // Well under the idle timeouts of common proxies (60 s for load balancers, 100 s for Cloudflare).
    expect(config.STREAM_KEEPALIVE_MS).toBe(15_000);
    expect(() => parseConfig({ STREAM_KEEPALIVE_MS: "5" })).toThrow(/STREAM_KEEPALIVE_MS.*at least 100 ms/);
    expect(config.MAX_STREAMS_PER_OWNER).toBe(2);
    expect(config.TRUSTED_PROXY_HOPS).toBe(0);
    expect(() => parseConfig({ UPSTREAM_IDLE_TIMEOUT_MS: "0" })).toThrow(/UPSTREAM_IDLE_TIMEOUT_MS/);
    expect(() => parseConfig({ RATE_LIMIT_IP_PER_MINUTE: "-5" })).toThrow(/RATE_LIMIT_IP_PER_MINUTE/);
  });

  it("knows the development server from NODE_ENV, and takes any value it does not know for production", () => {
    expect(parseConfig({}).NODE_ENV).toBe("production");
    expect(parseConfig({ NODE_ENV: "development" }).NODE_ENV).toBe("development");
    expect(parseConfig({ NODE_ENV: "staging" }).NODE_ENV).toBe("production");
  });

  it("treats empty strings as unset and trims a trailing slash from the base URL", () => {
    expect(parseConfig({ VLLM_BASE_URL: "", VLLM_API_KEY: " " }).VLLM_BASE_URL).toBeUndefined();
    expect(parseConfig({ VLLM_BASE_URL: "http://127.0.0.1:8000/v1/" }).VLLM_BASE_URL).toBe(
      "http://127.0.0.1:8000/v1",
    );
  });

  it("parses booleans and numbers", () => {
    const config = parseConfig({
      R1_FORCE_THINK_PREFIX: "yes",
      SIM_REASONING_PARSER: "0",
      SIM_ITL_MS: "3.5",
    });
    expect(config.R1_FORCE_THINK_PREFIX).toBe(true);
    expect(config.SIM_REASONING_PARSER).toBe(false);
    expect(config.SIM_ITL_MS).toBe(3.5);
  });

  it("lists every invalid variable with what it got", () => {
    let error: unknown;
    try {
      parseConfig({ VLLM_BASE_URL: "localhost:8000", VLLM_REASONING: "maybe", MAX_REQUEST_BYTES: "-1" });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const issues = (error as ConfigError).issues;
    expect(issues).toHaveLength(3);
    expect(issues[0]).toMatch(/^VLLM_BASE_URL: must be an http\(s\) URL .* \(got "localhost:8000"\)$/);
    expect(issues.join("\n")).toContain("VLLM_REASONING: must be auto, parser");
    expect((error as ConfigError).message).toContain("MAX_REQUEST_BYTES");
  });

  it("reads the widget's allowed origins as a list, and refuses anything that is not an origin", () => {
    expect(parseConfig({}).EMBED_ALLOWED_ORIGINS).toEqual([]);
    expect(
      parseConfig({
        EMBED_ALLOWED_ORIGINS: " https://docs.example.com, http://localhost:4000/  https://a.b:8443",
      }).EMBED_ALLOWED_ORIGINS,
    ).toEqual(["https://docs.example.com", "http://localhost:4000", "https://a.b:8443"]);
    for (const bad of ["docs.example.com", "https://docs.example.com/help", "ftp://files.example.com"]) {
      expect(() => parseConfig({ EMBED_ALLOWED_ORIGINS: bad })).toThrow(/EMBED_ALLOWED_ORIGINS/);
    }
  });
});
