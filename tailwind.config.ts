import type { Config } from "tailwindcss";

export default {
  content: ["./app/**/*.{ts,tsx}", "./components/**/*.{ts,tsx}"],
  // Same as the `@custom-variant dark` in app/globals.css: a `dark` class on <html> (see components/theme).
  darkMode: "selector",
  theme: {
    extend: {
      colors: {
        accent: { DEFAULT: "#4f46e5", soft: "#eef2ff", strong: "#3730a3" },
      },
      fontFamily: {
        sans: [
          "system-ui",
          "-apple-system",
          "Segoe UI",
          "Noto Sans SC",
          "PingFang SC",
          "Microsoft YaHei",
          "sans-serif",
        ],
      },
    },
  },
} satisfies Config;
