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
  // Pages Router routes bundle their dependencies as App Router ones do, so the alias below reaches them.
  bundlePagesRouterDependencies: true,
  turbopack: {
    resolveAlias: {
      // The streaming routes are Pages Router API routes (pages/api, see lib/http/node-route.ts), which are
      // not built with the react-server condition that turns the server-only marker into an empty module.
      // Client components that import server code are still refused at build time by Next's compiler.
      "server-only": "next/dist/compiled/server-only/empty.js",
    },
  },
  // Security headers are set per request in proxy.ts (lib/security/headers.ts).
};

export default nextConfig;
