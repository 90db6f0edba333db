import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // A self-contained server (.next/standalone/server.js) for systemd and containers; see docs/deploy.md.
  output: "standalone",
  // Native and Node-only drivers load from node_modules at run time instead of being bundled.
  serverExternalPackages: ["prom-client", "better-sqlite3", "pg", "redis"],
  // The script-free share page's stylesheets and KaTeX fonts are read from disk at run time.
  outputFileTracingIncludes: {
    "/share-assets/**": [
      "./node_modules/katex/dist/katex.min.css",
      "./node_modules/katex/dist/fonts/*",
      "./components/markdown/markdown.css",
    ],
  },
  // Security headers are set per request in proxy.ts (lib/security/headers.ts).
};

export default nextConfig;
