import { isIP } from "node:net";

/**
 * The client's address as the nearest trusted hop saw it. Each proxy appends the address it received the
 * request from to X-Forwarded-For, so entries left of the trusted ones may be forged by the client; the
 * app's own server adds the last entry. With `trustedProxyHops` proxies in front, the client is that many
 * entries from the end.
 */
export function clientIp(headers: Headers, trustedProxyHops: number): string | undefined {
  const hops = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((hop) => hop.trim())
    .filter((hop) => hop !== "");
  const candidate = hops.at(-1 - trustedProxyHops);
  return candidate && isIP(candidate) ? candidate : undefined;
}
