/**
 * The rate limiters' own small node-postgres pool (lib/rate-limit/store.ts), apart from Prisma's: a limiter query is
 * one short upsert, and a burst of them must never queue behind case saves or the review queue, nor they behind it.
 * Every wait is bounded by `timeoutMs` (taking a connection, and the query itself, client and server side): past it
 * the query fails and the limiter's in-memory insurance answers, so a slow or unreachable database delays an answer
 * by at most about twice that.
 */
import pg from "pg";

export interface LimiterPoolOptions {
  max: number;
  timeoutMs: number;
  /** A connection that dropped while idle (database restart, network cut): reported, never thrown. */
  onIdleError?: (err: Error) => void;
}

export function createLimiterPool(connectionString: string, { max, timeoutMs, onIdleError }: LimiterPoolOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    max,
    connectionTimeoutMillis: timeoutMs,
    query_timeout: timeoutMs,
    statement_timeout: timeoutMs,
    idleTimeoutMillis: 30_000,
    // Idle limiter connections alone never keep a stopping process alive.
    allowExitOnIdle: true,
    application_name: "lantern-limits",
    // A count is worth less than the wait for its WAL flush: a database crash may lose the last moment's points
    // (never corrupt the table), and each upsert returns without waiting for the disk.
    options: "-c synchronous_commit=off",
  });
  // Without a listener, node-postgres re-throws an idle client's error and the process ends.
  pool.on("error", (err) => onIdleError?.(err));
  return pool;
}
