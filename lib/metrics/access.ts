import { createHash, timingSafeEqual } from "node:crypto";

/**
 * Who may read /api/metrics: whoever sends `Authorization: Bearer <METRICS_TOKEN>`. With no token configured the
 * endpoint does not exist (404), so a deployment that does not scrape exposes nothing. The comparison takes the same
 * time whatever the guess: both sides are hashed to equal length first, then compared in constant time.
 */
export type MetricsAccess = "allowed" | "unauthorized" | "not found";

export function metricsAccess(authorization: string | null, token: string | undefined): MetricsAccess {
  if (!token) return "not found";
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  const given = createHash("sha256").update(match?.[1] ?? "").digest();
  const expected = createHash("sha256").update(token).digest();
  return timingSafeEqual(given, expected) && match ? "allowed" : "unauthorized";
}
