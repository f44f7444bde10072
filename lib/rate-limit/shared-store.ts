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
 * The store of this process's limiters: PostgreSQL when DATABASE_URL is set (every instance on that database shares
 * the counts), memory on the embedded database (which allows one process, so one instance holds every count).
 */
export function limiterStore(): LimiterStore {
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
  const pool = createLimiterPool(databaseUrl, { max: env.RATE_LIMIT_DB_POOL_SIZE, timeoutMs: env.RATE_LIMIT_DB_TIMEOUT_MS, onIdleError: warn });
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
 * built on it answers from its in-memory insurance afterwards; the next limiterStore() opens a new pool.
 */
export async function closeLimiterStore(): Promise<void> {
  const close = g.__lanternLimiterClose;
  g.__lanternLimiterStore = undefined;
  g.__lanternLimiterClose = undefined;
  await close?.();
}
