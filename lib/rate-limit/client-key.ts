import { createHmac, randomBytes } from "node:crypto";

// A per-process secret salt: keys are stable for the life of the limiter (which is in memory anyway)
// but cannot be reversed to an address, nor linked across restarts. The raw address is never stored or logged.
// Kept on globalThis because Next may bundle this module into several server chunks.
const g = globalThis as { __lanternClientKeySalt?: Buffer };
const SALT = (g.__lanternClientKeySalt ??= randomBytes(32));

export function clientAddress(headers: Headers, trustedProxyHops = 1): string {
  const forwarded = headers.get("x-forwarded-for");
  if (forwarded) {
    const hops = forwarded.split(",").map((part) => part.trim()).filter(Boolean);
    if (hops.length > 0) return hops[Math.max(0, hops.length - trustedProxyHops)]!;
  }
  return headers.get("x-real-ip")?.trim() || "unknown";
}

export function hashClientAddress(address: string): string {
  return createHmac("sha256", SALT).update(address.toLowerCase()).digest("base64url").slice(0, 22);
}

export function clientKeyFromHeaders(headers: Headers, trustedProxyHops = 1): string {
  return hashClientAddress(clientAddress(headers, trustedProxyHops));
}
