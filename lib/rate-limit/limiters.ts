import { RateLimiterRes } from "rate-limiter-flexible";
import { UserFacingError } from "@/lib/errors";
import { countRateLimitHit } from "@/lib/metrics";
import { limiterKey } from "./client-key";
import type { RateLimitConfig } from "./config";
import { MEMORY_STORE, makeLimiter, type Limiter, type LimiterStore } from "./store";

// The limits of the public pages and of outreach, in `store` (lib/rate-limit/store.ts): this process's memory, or
// PostgreSQL shared by every instance.
export type Limiters = ReturnType<typeof createLimiters>;

function minutesText(ms: number): string {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  return minutes === 1 ? "about a minute" : `about ${minutes} minutes`;
}

async function consumeOrExplain(limiter: Limiter, key: string, message: (wait: string) => string, points = 1) {
  try {
    await limiter.consume(key, points);
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    countRateLimitHit(limiter.keyPrefix);
    throw new UserFacingError(message(minutesText(rejection.msBeforeNext)), {
      kind: "rate_limited",
      retryAfterSeconds: Math.ceil(rejection.msBeforeNext / 1000),
    });
  }
}

export function createLimiters(config: RateLimitConfig, store: LimiterStore = MEMORY_STORE) {
  const selfCheck = makeLimiter(store, {
    keyPrefix: "self-check",
    points: config.RATE_LIMIT_SELF_CHECK_MAX,
    duration: config.RATE_LIMIT_SELF_CHECK_WINDOW_SECONDS,
  });
  const save = makeLimiter(store, {
    keyPrefix: "save",
    points: config.RATE_LIMIT_SAVE_MAX,
    duration: config.RATE_LIMIT_SAVE_WINDOW_SECONDS,
  });
  const saveGlobal = makeLimiter(store, {
    keyPrefix: "save-all",
    points: config.RATE_LIMIT_SAVE_GLOBAL_PER_MINUTE,
    duration: 60,
  });
  const generation = makeLimiter(store, {
    keyPrefix: "generation",
    points: config.RATE_LIMIT_GENERATION_MAX,
    duration: config.RATE_LIMIT_GENERATION_WINDOW_SECONDS,
  });
  const generationGlobal = makeLimiter(store, {
    keyPrefix: "generation-all",
    points: config.RATE_LIMIT_GENERATION_GLOBAL_PER_MINUTE,
    duration: 60,
  });

  const outreach = makeLimiter(store, {
    keyPrefix: "outreach",
    points: config.RATE_LIMIT_OUTREACH_POSTS_PER_HOUR,
    duration: 3600,
  });

  return {
    /** Throws a UserFacingError (kind "rate_limited") when this client has checked too many posts lately. */
    limitSelfCheck: (key: string) =>
      consumeOrExplain(
        selfCheck,
        key,
        (wait) =>
          `You have checked quite a few posts in a short time, so we have paused new checks for ${wait}. ` +
          "If you need to talk to someone now, the crisis lines on this page are always open.",
      ),
    /** Throws a UserFacingError when this client (or everyone together) has saved too many cases lately. */
    limitSave: async (key: string) => {
      const pause = (wait: string) =>
        `We have saved several posts in a short time, so we have paused saving for ${wait}; nothing more was stored. ` +
        "If you need to talk to someone now, the crisis lines on this page are always open.";
      await consumeOrExplain(save, key, pause);
      await consumeOrExplain(saveGlobal, "all", pause);
    },
    /** Throws a UserFacingError when this client (or everyone together) has asked for too many written messages. */
    limitGeneration: async (key: string) => {
      const pause = (wait: string) =>
        `We have written several messages for you in a short time, so we have paused new ones for ${wait}. ` +
        "The verified support contacts on this page are still here for you.";
      await consumeOrExplain(generation, key, pause);
      await consumeOrExplain(generationGlobal, "all", pause);
    },
    /** Throws a UserFacingError when this staff account has triaged too many posts in the last hour. */
    limitOutreach: (userId: string, posts: number) =>
      consumeOrExplain(
        outreach,
        limiterKey("staff", userId),
        (wait) =>
          `This account has triaged ${config.RATE_LIMIT_OUTREACH_POSTS_PER_HOUR.toLocaleString("en-US")} posts in the last hour, ` +
          `the most the server allows one account. Please continue in ${wait}.`,
        posts,
      ),
  };
}
