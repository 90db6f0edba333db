import type { ReactNode } from "react";

export const metadata = { title: "Floor", description: "The least an interactive Next.js page costs" };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
