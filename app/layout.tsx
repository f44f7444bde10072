import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Lantern", template: "%s · Lantern" },
  description: "Lantern reads a post written in distress and points to kind, verified support. Support, not diagnosis.",
  robots: { index: false, follow: false },
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  colorScheme: "light dark",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request: the CSP nonce from proxy.ts must reach Next's inline scripts,
  // and a prerendered page would carry none (the browser would then refuse to hydrate it).
  await connection();
  return (
    <html lang="en">
      <body className="min-h-dvh antialiased font-sans">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-card focus:px-3 focus:py-2">
          Skip to content
        </a>
        {children}
      </body>
    </html>
  );
}
