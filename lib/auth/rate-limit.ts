/**
 * Sign-in limits (rate-limiter-flexible), in this process's memory or in PostgreSQL shared by every instance
 * (lib/rate-limit/store.ts). Keys are keyed hashes: neither addresses nor emails are written anywhere.
 *
 * A point is taken from three buckets BEFORE the password is checked, so parallel guesses cannot slip through as
 * one, and given back when the password was right:
 *  - the account from one client (AUTH_MAX_FAILED_PER_ACCOUNT_ADDRESS): once spent, that pair waits a backoff that
 *    doubles each time it is spent again within a day (AUTH_LOCKOUT_MINUTES, 2x, 4x ... up to a day). Someone
 *    guessing at an account locks out only themselves, never the account's owner on another connection;
 *  - the client, whatever the account (AUTH_MAX_FAILED_PER_ADDRESS): one client trying many accounts;
 *  - the account from all clients together (AUTH_MAX_FAILED_PER_ACCOUNT, high): many clients guessing at one
 *    account. It only ever waits out its window, so it is never a permanent lock.
 * The client key is the one every limiter uses (lib/rate-limit/client-key.ts).
 */
import { DAY_SECONDS, giveBackToAll, lockWithBackoff, takeFromAll } from "@/lib/rate-limit/buckets";
import { limiterKey } from "@/lib/rate-limit/client-key";
import { limiterStore } from "@/lib/rate-limit/shared-store";
import { MEMORY_STORE, makeLimiter, type LimiterStore } from "@/lib/rate-limit/store";
import { authConfig, type AuthConfig } from "./config";

export type SignInLimits = Pick<
  AuthConfig,
  "AUTH_MAX_FAILED_PER_ACCOUNT_ADDRESS" | "AUTH_MAX_FAILED_PER_ADDRESS" | "AUTH_MAX_FAILED_PER_ACCOUNT" | "AUTH_LOCKOUT_MINUTES"
>;

/** The points one attempt holds, to give back (right password) or keep (wrong). */
export interface SignInAttempt {
  readonly keys: { pair: string; address: string; account: string };
  /** Points the pair had used once this attempt took its own. */
  readonly pairUsed: number;
}

export type TakeResult = { ok: true; attempt: SignInAttempt } | { ok: false; retryAfterSeconds: number };

export interface SignInLimiter {
  take(email: string, clientKey: string): Promise<TakeResult>;
  /** The password was right: this attempt's points go back. */
  succeeded(attempt: SignInAttempt): Promise<void>;
  /** The attempt failed: its points stay, and a spent account+client pair starts (or doubles) its backoff. */
  failed(attempt: SignInAttempt): Promise<void>;
}

export function createSignInLimiter(c: SignInLimits = authConfig(), store: LimiterStore = MEMORY_STORE): SignInLimiter {
  const window = c.AUTH_LOCKOUT_MINUTES * 60;
  const pair = makeLimiter(store, { keyPrefix: "signin-pair", points: c.AUTH_MAX_FAILED_PER_ACCOUNT_ADDRESS, duration: window });
  const address = makeLimiter(store, { keyPrefix: "signin-address", points: c.AUTH_MAX_FAILED_PER_ADDRESS, duration: window });
  const account = makeLimiter(store, { keyPrefix: "signin-account", points: c.AUTH_MAX_FAILED_PER_ACCOUNT, duration: window });
  // How often a pair has spent its points within a day: the exponent of its backoff.
  const strikes = makeLimiter(store, { keyPrefix: "signin-strikes", points: 1_000_000, duration: DAY_SECONDS });

  const buckets = [
    ["pair", pair],
    ["address", address],
    ["account", account],
  ] as const;

  return {
    async take(email, clientKey) {
      const account = limiterKey("account", email.trim().toLowerCase());
      const keys = { pair: `${account}.${clientKey}`, address: clientKey, account };
      const taken = await takeFromAll(buckets, keys);
      return taken.ok ? { ok: true, attempt: { keys, pairUsed: taken.firstUsed } } : taken;
    },
    async succeeded({ keys }) {
      await giveBackToAll(buckets, keys);
    },
    async failed({ keys, pairUsed }) {
      if (pairUsed < c.AUTH_MAX_FAILED_PER_ACCOUNT_ADDRESS) return;
      await lockWithBackoff(strikes, pair, keys.pair, window);
    },
  };
}

// One limiter per server process, kept on globalThis so bundling the module twice shares it.
const g = globalThis as { __lanternSignInLimiter?: SignInLimiter };
export function signInLimiter(): SignInLimiter {
  g.__lanternSignInLimiter ??= createSignInLimiter(authConfig(), limiterStore("lockouts"));
  return g.__lanternSignInLimiter;
}
