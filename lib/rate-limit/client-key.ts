import { createHash, createHmac, randomBytes } from "node:crypto";
import { z } from "zod";
import { readEnv, serverShape } from "@/lib/env";
import { CLIENT_ADDRESS_HEADER, normalizeAddress, rateLimitSubject } from "./forwarded.mjs";

/**
 * The salt of every limiter key. With AUTH_SECRET (required in production, and shared by every instance) it is
 * derived from it under its own label, so two instances key the same client alike and a client alternating between
 * them spends one quota. Without it (development, tests) it is random per process. Either way a key is an HMAC that
 * cannot be turned back into an address, email or reference without the secret; the raw values are never stored or
 * logged, and the shared table's rows are deleted an hour after their window ends.
 */
export function limiterKeySalt(authSecret: string | undefined): Buffer {
  if (authSecret) return createHash("sha256").update(`lantern rate-limit keys v1\0${authSecret}`).digest();
  return randomBytes(32);
}

const authSecretSchema = z.object({ AUTH_SECRET: serverShape.AUTH_SECRET });

// Kept on globalThis because Next may bundle this module into several server chunks.
const g = globalThis as { __lanternClientKeySalt?: Buffer };
function processSalt(): Buffer {
  g.__lanternClientKeySalt ??= limiterKeySalt(authSecretSchema.parse(readEnv()).AUTH_SECRET || undefined);
  return g.__lanternClientKeySalt;
}

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

const digest = (salt: Buffer, text: string) => createHmac("sha256", salt).update(text).digest("base64url").slice(0, 22);

export function hashClientAddress(address: string, salt: Buffer = processSalt()): string {
  return digest(salt, rateLimitSubject(address.toLowerCase()));
}

/** What else a limiter counts by: an account's email, a case reference, a case, a staff account. */
export type LimiterSubject = "account" | "reference" | "case" | "staff";

/** The key a limiter stores for `value` instead of the value itself (same salt as the client key). */
export function limiterKey(subject: LimiterSubject, value: string, salt: Buffer = processSalt()): string {
  // The label keeps an email from ever hashing like an address or a reference; an address holds no NUL.
  return digest(salt, `${subject}\u0000${value}`);
}

/** The one key every limiter uses for a client: self-check, save, resources and sign-in. */
export function clientKeyFromHeaders(headers: Headers, frontServer = behindFrontServer()): string {
  return hashClientAddress(clientAddress(headers, frontServer));
}
