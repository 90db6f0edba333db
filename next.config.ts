import type { NextConfig } from "next";
import { SHARE_PAGE_HEADERS } from "./lib/share/headers";

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native and Node-only drivers load from node_modules at run time instead of being bundled.
  serverExternalPackages: ["prom-client", "better-sqlite3", "pg", "redis"],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Content-Security-Policy", value: "frame-ancestors 'none'" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
        ],
      },
      // Shared pages, including the 404 of a revoked link; later entries win for the same header.
      { source: "/s/:token*", headers: [...SHARE_PAGE_HEADERS] },
    ];
  },
};

export default nextConfig;
