import { createHmac, randomBytes } from "node:crypto";
import { readEnv } from "@/lib/env";
import { CLIENT_ADDRESS_HEADER, normalizeAddress, rateLimitSubject } from "./forwarded.mjs";

// A per-process secret salt: keys are stable for the life of the limiter (which is in memory anyway)
// but cannot be reversed to an address, nor linked across restarts. The raw address is never stored or logged.
// Kept on globalThis because Next may bundle this module into several server chunks.
const g = globalThis as { __lanternClientKeySalt?: Buffer };
const SALT = (g.__lanternClientKeySalt ??= randomBytes(32));

/** Set by scripts/serve.mjs in its own process: requests then carry an address it took from the socket. */
export function behindFrontServer(env: Record<string, string | undefined> = readEnv()): boolean {
  return env.LANTERN_FRONT_SERVER === "1";
}

/**
 * The client's address as the front server decided it (from the socket, and X-Forwarded-For only as far as
 * TRUSTED_PROXY_HOPS allows). Without the front server (`next dev`, a bare `next start`) a route handler cannot see
 * the socket and every header is the client's own words, so every request counts as the same client: limits then
 * hold for everyone together instead of being dodged with a header.
 */
export function clientAddress(headers: Headers, frontServer = behindFrontServer()): string {
  if (!frontServer) return "unknown";
  return normalizeAddress(headers.get(CLIENT_ADDRESS_HEADER)) ?? "unknown";
}

export function hashClientAddress(address: string): string {
  return createHmac("sha256", SALT).update(rateLimitSubject(address.toLowerCase())).digest("base64url").slice(0, 22);
}

/** The one key every limiter uses for a client: self-check, save, resources and sign-in. */
export function clientKeyFromHeaders(headers: Headers, frontServer = behindFrontServer()): string {
  return hashClientAddress(clientAddress(headers, frontServer));
}
