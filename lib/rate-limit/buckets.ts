/**
 * Guessing limits made of several buckets taken together (sign-in: account+client, client, account; follow-up code:
 * reference, client). A try takes a point from every bucket or from none: a refused try costs nothing in the buckets
 * that had room. A key that spends its points is locked with a doubling backoff (up to a day) counted in `strikes`.
 */
import { RateLimiterRes } from "rate-limiter-flexible";
import { countRateLimitHit } from "@/lib/metrics";
import type { Limiter } from "./store";

export const DAY_SECONDS = 24 * 60 * 60;

export type Buckets<K extends string> = readonly (readonly [K, Limiter])[];

export type Taken = { ok: true; firstUsed: number } | { ok: false; retryAfterSeconds: number };

/** A point from every bucket, or none; `firstUsed` is the first bucket's points used with this one. */
export async function takeFromAll<K extends string>(buckets: Buckets<K>, keys: Record<K, string>): Promise<Taken> {
  const taken = await Promise.allSettled(buckets.map(([name, limiter]) => limiter.consume(keys[name])));
  const refused = taken.filter((t): t is PromiseRejectedResult => t.status === "rejected");
  if (refused.length > 0) {
    for (const r of refused) if (!(r.reason instanceof RateLimiterRes)) throw r.reason;
    taken.forEach((t, i) => t.status === "rejected" && countRateLimitHit(buckets[i]![1].keyPrefix));
    await Promise.all(
      buckets.map(([name, limiter], i) => (taken[i]!.status === "fulfilled" ? limiter.reward(keys[name], 1) : null)),
    );
    const wait = Math.max(...refused.map((r) => (r.reason as RateLimiterRes).msBeforeNext));
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(wait / 1000)) };
  }
  return { ok: true, firstUsed: (taken[0] as PromiseFulfilledResult<RateLimiterRes>).value.consumedPoints };
}

/** The try went well: its points go back to every bucket. */
export async function giveBackToAll<K extends string>(buckets: Buckets<K>, keys: Record<K, string>): Promise<void> {
  await Promise.all(buckets.map(([name, limiter]) => limiter.reward(keys[name], 1)));
}

/** Locks `key` in `limiter` for `windowSeconds` x 2^(locks today - 1), at most a day; returns the lock's seconds. */
export async function lockWithBackoff(
  strikes: Limiter,
  limiter: Limiter,
  key: string,
  windowSeconds: number,
): Promise<number> {
  const n = (await strikes.penalty(key, 1)).consumedPoints;
  const seconds = Math.min(windowSeconds * 2 ** (n - 1), DAY_SECONDS);
  await limiter.block(key, seconds);
  return seconds;
}
