/**
 * Limits on opening a case with its reference and follow-up code (rate-limiter-flexible, in this process's memory or
 * in PostgreSQL shared by every instance, like the sign-in limits in lib/auth/rate-limit.ts). A reference or case id
 * reaches the store only as a keyed hash.
 *
 * A point is taken from two buckets BEFORE the code is checked, so parallel guesses each pay, and given back when
 * the code was right:
 *  - the reference, from any client (FOLLOW_UP_MAX_FAILED_PER_REFERENCE per FOLLOW_UP_LOCKOUT_MINUTES): once spent
 *    the reference locks for a wait that doubles each time it locks again within a day, up to a day. Rotating
 *    addresses does not help a guesser: the lock is on the case, not the client. The price is that a guesser can
 *    make the owner wait; with 60 bits of code, guessing never succeeds, so the owner loses time, never the case;
 *  - the client, whatever the reference (FOLLOW_UP_MAX_FAILED_PER_CLIENT per FOLLOW_UP_CLIENT_WINDOW_SECONDS): one
 *    client sweeping many references.
 * A reference that does not exist is limited exactly like one that does, so the answers tell nothing apart.
 */
import { RateLimiterRes } from "rate-limiter-flexible";
import { DAY_SECONDS, giveBackToAll, lockWithBackoff, takeFromAll } from "@/lib/rate-limit/buckets";
import { limiterKey } from "@/lib/rate-limit/client-key";
import type { RateLimitConfig } from "@/lib/rate-limit/config";
import { MEMORY_STORE, makeLimiter, type LimiterStore } from "@/lib/rate-limit/store";

export type FollowUpLimits = Pick<
  RateLimitConfig,
  "FOLLOW_UP_MAX_FAILED_PER_REFERENCE" | "FOLLOW_UP_LOCKOUT_MINUTES" | "FOLLOW_UP_MAX_FAILED_PER_CLIENT" | "FOLLOW_UP_CLIENT_WINDOW_SECONDS" | "FOLLOW_UP_REPLIES_PER_DAY"
>;

export interface CodeAttempt {
  readonly keys: { reference: string; client: string };
  /** Points the reference had used once this attempt took its own. */
  readonly referenceUsed: number;
}

export type TakeResult = { ok: true; attempt: CodeAttempt } | { ok: false; retryAfterSeconds: number };

export interface FollowUpLimiter {
  take(reference: string, clientKey: string): Promise<TakeResult>;
  /** The code was right: this attempt's points go back. */
  succeeded(attempt: CodeAttempt): Promise<void>;
  /** The code was wrong: the points stay. Returns the lock's length in seconds when this failure locked the reference. */
  failed(attempt: CodeAttempt): Promise<number | null>;
  /** Throws nothing; false when the person has written back too often today. */
  takeReply(caseId: string): Promise<boolean>;
}

export function createFollowUpLimiter(c: FollowUpLimits, store: LimiterStore = MEMORY_STORE): FollowUpLimiter {
  const window = c.FOLLOW_UP_LOCKOUT_MINUTES * 60;
  const reference = makeLimiter(store, { keyPrefix: "follow-up-reference", points: c.FOLLOW_UP_MAX_FAILED_PER_REFERENCE, duration: window });
  const client = makeLimiter(store, { keyPrefix: "follow-up-client", points: c.FOLLOW_UP_MAX_FAILED_PER_CLIENT, duration: c.FOLLOW_UP_CLIENT_WINDOW_SECONDS });
  // How often a reference has locked within a day: the exponent of its next lock.
  const strikes = makeLimiter(store, { keyPrefix: "follow-up-strikes", points: 1_000_000, duration: DAY_SECONDS });
  const replies = makeLimiter(store, { keyPrefix: "follow-up-replies", points: c.FOLLOW_UP_REPLIES_PER_DAY, duration: DAY_SECONDS });
  const buckets = [
    ["reference", reference],
    ["client", client],
  ] as const;

  return {
    async take(ref, clientKey) {
      const keys = { reference: limiterKey("reference", ref), client: clientKey };
      const taken = await takeFromAll(buckets, keys);
      return taken.ok ? { ok: true, attempt: { keys, referenceUsed: taken.firstUsed } } : taken;
    },
    async succeeded({ keys }) {
      await giveBackToAll(buckets, keys);
    },
    async failed({ keys, referenceUsed }) {
      if (referenceUsed < c.FOLLOW_UP_MAX_FAILED_PER_REFERENCE) return null;
      return lockWithBackoff(strikes, reference, keys.reference, window);
    },
    async takeReply(caseId) {
      try {
        await replies.consume(limiterKey("case", caseId));
        return true;
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) return false;
        throw rejection;
      }
    },
  };
}
