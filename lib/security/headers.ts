// Security headers for every page and API response, built with Nosecone (a maintained helmet-style helper)
// so the defaults stay reviewed upstream; we only add what Lantern needs on top.
// No "server-only": proxy.ts imports this and the unit test runs it directly.
import { nosecone, defaults, type NoseconeOptions } from "@nosecone/next";

export type SecurityHeaderOptions = {
  /** Fresh per request; Next reads it back from the request's CSP header and stamps its own inline scripts. */
  nonce: string;
  production: boolean;
};

// Features a self-check never needs; denying them means an injected script cannot ask for them either.
export const PERMISSIONS_POLICY = [
  "accelerometer=()",
  "autoplay=()",
  "bluetooth=()",
  "camera=()",
  "display-capture=()",
  "geolocation=()",
  "gyroscope=()",
  "hid=()",
  "magnetometer=()",
  "microphone=()",
  "midi=()",
  "payment=()",
  "publickey-credentials-get=()",
  "serial=()",
  "usb=()",
  "browsing-topics=()",
].join(", ");

/** A 128-bit random nonce, base64 (the character set Next's nonce parser accepts). */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export function securityHeaders({ nonce, production }: SecurityHeaderOptions): Headers {
  const options: NoseconeOptions = {
    ...defaults,
    contentSecurityPolicy: {
      directives: {
        ...defaults.contentSecurityPolicy.directives,
        // 'strict-dynamic' lets the nonced bootstrap load Next's chunks; hosts listed beside it are ignored
        // by modern browsers, 'self' stays for old ones. Dev needs eval for fast refresh.
        scriptSrc: production
          ? ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"]
          : ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", "'unsafe-eval'"],
        // React and Radix set style attributes; inline styles cannot run code, so we accept them.
        styleSrc: ["'self'", "'unsafe-inline'"],
        // The only network calls the browser makes are to us (server actions, the resource stream;
        // in CSP3 'self' also covers the dev server's same-host websocket).
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
      },
    },
    referrerPolicy: { policy: ["no-referrer"] },
    // HSTS only in production: on http://localhost in dev it would pin the browser to https for the host.
    strictTransportSecurity: production ? { maxAge: 63_072_000, includeSubDomains: true, preload: false } : false,
    xFrameOptions: { action: "deny" },
  };
  const headers = nosecone(options);
  headers.set("permissions-policy", PERMISSIONS_POLICY);
  return headers;
}
