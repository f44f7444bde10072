import "server-only";
import { createLimiterPool } from "@/lib/db/limiter-pool";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";
import { MEMORY_STORE, postgresStore, sweepExpiredLimits, type LimiterStore } from "./store";

const SWEEP_EVERY_MS = 5 * 60_000;
const WARN_EVERY_MS = 60_000;

// One store per server process, on globalThis so that every server bundle shares one pool.
const g = globalThis as { __lanternLimiterStore?: LimiterStore; __lanternLimiterClose?: () => Promise<void> };

/**
 * Where a limiter of this process keeps its counts (docs/decisions/012-request-limits-follow-the-deployment.md):
 *  - "lockouts" (sign-in and follow-up codes): PostgreSQL when DATABASE_URL is set, so a lockout holds across
 *    instances and restarts; memory on the embedded database (one process, so one instance holds every count).
 *  - "requests" (self-check, save, generation, outreach), taken on every request: PostgreSQL only when several
 *    instances share it (LANTERN_INSTANCES > 1). One instance holds every count in its memory, and a round trip per
 *    request would be spent for nothing.
 */
export function limiterStore(kind: "lockouts" | "requests"): LimiterStore {
  if (kind === "requests" && env.LANTERN_INSTANCES <= 1) return MEMORY_STORE;
  g.__lanternLimiterStore ??= env.DATABASE_URL ? sharedStore(env.DATABASE_URL) : MEMORY_STORE;
  return g.__lanternLimiterStore;
}

function sharedStore(databaseUrl: string): LimiterStore {
  const log = logger.child({ module: "rate-limit" });
  let lastWarned = 0;
  // At most one line a minute however many requests fall back: an outage must not flood the log.
  const warn = (err: unknown) => {
    const now = Date.now();
    if (now - lastWarned < WARN_EVERY_MS) return;
    lastWarned = now;
    log.warn(
      { event: "rate_limit.store_unavailable", err },
      "The shared rate-limit store (PostgreSQL) did not answer: this instance counts limits alone, in memory, until it does.",
    );
  };
  const pool = createLimiterPool(databaseUrl, {
    max: env.RATE_LIMIT_DB_POOL_SIZE,
    timeoutMs: env.RATE_LIMIT_DB_TIMEOUT_MS,
    onIdleError: warn,
  });
  const store = postgresStore(pool, warn);
  const sweep = setInterval(() => void sweepExpiredLimits(pool).catch(warn), SWEEP_EVERY_MS);
  sweep.unref();
  g.__lanternLimiterClose = async () => {
    clearInterval(sweep);
    await pool.end();
  };
  return store;
}

/**
 * Closes the limiters' pool (a stopping server, after its last request: lib/startup/drains.ts). A limiter already
 * built on it answers from its in-memory insurance afterwards; the next limiterStore("lockouts") opens a new pool.
 */
export async function closeLimiterStore(): Promise<void> {
  const close = g.__lanternLimiterClose;
  g.__lanternLimiterStore = undefined;
  g.__lanternLimiterClose = undefined;
  await close?.();
}
