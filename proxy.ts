// Next 16's request proxy (formerly middleware): security headers on every page and API response.
// The per-request nonce travels to the renderer in the request's CSP header, which is where Next reads it
// to stamp its own inline scripts; pages must therefore render dynamically (see app/layout.tsx).
import { NextResponse, type NextRequest } from "next/server";
import { createNonce, securityHeaders } from "@/lib/security/headers";
import { isCrossOriginWrite } from "@/lib/security/origin";

export function proxy(request: NextRequest) {
  const nonce = createNonce();
  // NODE_ENV is inlined at build time here (the proxy bundle stays free of lib/env and its validation).
  // eslint-disable-next-line no-restricted-properties -- a build-time constant, not configuration
  const headers = securityHeaders({ nonce, production: process.env.NODE_ENV === "production" });
  const csp = headers.get("content-security-policy") ?? "";

  if (isCrossOriginWrite(request.method, request.headers)) {
    const refused = Response.json({ error: "This request must come from the Lantern site itself." }, { status: 403 });
    headers.forEach((value, key) => refused.headers.set(key, value));
    return refused;
  }

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  headers.forEach((value, key) => response.headers.set(key, value));
  return response;
}

export const config = {
  // Hashed build assets carry no user data and are served long-cached; everything else gets the headers.
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
