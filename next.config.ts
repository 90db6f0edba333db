import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // A self-contained server (.next/standalone/server.js) for systemd and containers; see docs/deploy.md.
  output: "standalone",
  // Native and Node-only drivers load from node_modules at run time instead of being bundled.
  serverExternalPackages: ["prom-client", "better-sqlite3", "pg", "redis"],
  // Security headers are set per request in proxy.ts (lib/security/headers.ts).
};

export default nextConfig;
