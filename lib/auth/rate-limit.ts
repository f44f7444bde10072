/**
 * Failed sign-in limits per account and per network address (rate-limiter-flexible).
 * Kept in the server's memory: addresses are never written anywhere. With several
 * server instances each keeps its own count (see docs/review.md).
 */
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { authConfig, type AuthConfig } from "./config";

export interface SignInLimiter {
  /** Seconds to wait if either the account or the address is blocked, else 0. */
  blockedFor(email: string, address: string): Promise<number>;
  recordFailure(email: string, address: string): Promise<void>;
  /** A successful sign-in clears the account's count (not the address's). */
  recordSuccess(email: string): Promise<void>;
}

export function createSignInLimiter(c: Pick<
  AuthConfig,
  "AUTH_MAX_FAILED_PER_ACCOUNT" | "AUTH_MAX_FAILED_PER_ADDRESS" | "AUTH_LOCKOUT_MINUTES"
> = authConfig()): SignInLimiter {
  const window = c.AUTH_LOCKOUT_MINUTES * 60;
  const perAccount = new RateLimiterMemory({
    keyPrefix: "signin-account",
    points: c.AUTH_MAX_FAILED_PER_ACCOUNT,
    duration: window,
    blockDuration: window,
  });
  const perAddress = new RateLimiterMemory({
    keyPrefix: "signin-address",
    points: c.AUTH_MAX_FAILED_PER_ADDRESS,
    duration: window,
    blockDuration: window,
  });
  const account = (email: string) => email.trim().toLowerCase();

  const wait = (res: RateLimiterRes | null, max: number) =>
    res && res.consumedPoints >= max ? Math.max(1, Math.ceil(res.msBeforeNext / 1000)) : 0;

  return {
    async blockedFor(email, address) {
      const [a, b] = await Promise.all([perAccount.get(account(email)), perAddress.get(address)]);
      return Math.max(wait(a, c.AUTH_MAX_FAILED_PER_ACCOUNT), wait(b, c.AUTH_MAX_FAILED_PER_ADDRESS));
    },
    async recordFailure(email, address) {
      // penalty() never rejects, unlike consume() once the points are spent.
      await Promise.all([perAccount.penalty(account(email), 1), perAddress.penalty(address, 1)]);
    },
    async recordSuccess(email) {
      await perAccount.delete(account(email));
    },
  };
}

// One limiter per server process, kept on globalThis so bundling the module twice shares it.
const g = globalThis as { __lanternSignInLimiter?: SignInLimiter };
export function signInLimiter(): SignInLimiter {
  g.__lanternSignInLimiter ??= createSignInLimiter();
  return g.__lanternSignInLimiter;
}

export function retryMessage(seconds: number): string {
  const minutes = Math.ceil(seconds / 60);
  return `Too many sign-in attempts. For your account's safety, please wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again.`;
}
