/**
 * Where every limiter keeps its counts.
 *
 *  - "memory": this process's memory. The embedded database (PGlite) allows one process, so Lantern on PGlite is one
 *    instance and its counts are complete there.
 *  - "postgres": the `RateLimit` table (created by a migration) that every instance on the same PostgreSQL shares,
 *    through rate-limiter-flexible's RateLimiterPostgres. A client alternating between instances spends one quota.
 *    Each limiter carries an in-memory limiter with the same settings as insurance: when a query fails (database
 *    down, pool exhausted past its timeout) that instance counts alone until the database answers again, so a
 *    database hiccup never blocks an answer or the crisis lines, and a refusal is still a RateLimiterRes.
 *
 * Keys reaching a limiter are keyed hashes (lib/rate-limit/client-key.ts): the table holds no address, email,
 * reference or id, only `<limiter>:<hash>`, the points and the expiry in epoch milliseconds.
 */
import { RateLimiterMemory, RateLimiterPostgres, type RateLimiterAbstract } from "rate-limiter-flexible";

/** The table of rate-limiter-flexible's Postgres store: key (varchar 255), points (int), expire (bigint, epoch ms). */
export const LIMITER_TABLE = "RateLimit";

/** The part of a node-postgres Pool the store uses. */
export interface LimiterQueryable {
  query(q: { text: string; values?: unknown[]; name?: string }): Promise<{ rows: unknown[]; rowCount: number | null }>;
}

export type LimiterStore = { kind: "memory" } | { kind: "postgres"; client: LimiterQueryable };

export const MEMORY_STORE: LimiterStore = { kind: "memory" };

/** The shared store on `client` (a pg Pool); `onFailure` hears every failed query (the insurance limiter answered it). */
export function postgresStore(client: LimiterQueryable, onFailure: (err: unknown) => void = () => {}): LimiterStore {
  return {
    kind: "postgres",
    client: {
      query: (q) =>
        client.query(q).catch((err: unknown) => {
          onFailure(err);
          throw err;
        }),
    },
  };
}

export type Limiter = RateLimiterAbstract;

export interface LimitSettings {
  keyPrefix: string;
  points: number;
  /** Seconds. */
  duration: number;
}

export function makeLimiter(store: LimiterStore, settings: LimitSettings): Limiter {
  const memory = new RateLimiterMemory(settings);
  if (store.kind === "memory") return memory;
  return new RateLimiterPostgres({
    ...settings,
    storeClient: store.client,
    // "pool": one query per call, no connection held between calls.
    storeType: "pool",
    tableName: LIMITER_TABLE,
    // The migration made it: production roles need no DDL rights, and no limiter races another to create it.
    tableCreated: true,
    // One sweep per process (sweepExpiredLimits) instead of a timer in each of the dozen limiters.
    clearExpiredByTimeout: false,
    insuranceLimiter: memory,
  });
}

/** Rows whose window ended over an hour ago: no limiter reads them again. Any instance may run it; it is idempotent. */
export async function sweepExpiredLimits(client: LimiterQueryable, now = Date.now()): Promise<number> {
  const res = await client.query({ text: `DELETE FROM "${LIMITER_TABLE}" WHERE expire < $1`, values: [now - 3_600_000] });
  return res.rowCount ?? 0;
}
