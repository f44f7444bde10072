import { z } from "zod";

// Sign-in attempts have their own limiter in lib/auth/rate-limit.ts.
// Limits are per client (hashed address) and per window; the defaults let a person check several
// posts in a row while stopping a script from running the classifier or the LLM into the ground.
const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

export const rateLimitEnvSchema = z.object({
  RATE_LIMIT_SELF_CHECK_MAX: positiveInt(20),
  RATE_LIMIT_SELF_CHECK_WINDOW_SECONDS: positiveInt(600),
  // Saving a consented case (the second half of a self-check): per client, and all clients together, so that
  // nobody can fill the clinicians' queue, however many addresses they use.
  RATE_LIMIT_SAVE_MAX: positiveInt(20),
  RATE_LIMIT_SAVE_WINDOW_SECONDS: positiveInt(600),
  RATE_LIMIT_SAVE_GLOBAL_PER_MINUTE: positiveInt(600),
  RATE_LIMIT_GENERATION_MAX: positiveInt(10),
  RATE_LIMIT_GENERATION_WINDOW_SECONDS: positiveInt(600),
  // All clients together: caps LLM spend and spam volume even when the requests come from many addresses.
  RATE_LIMIT_GENERATION_GLOBAL_PER_MINUTE: positiveInt(300),
  // Outreach triage, per staff account: posts classified per hour (a 1,000-row CSV is 1,000 posts).
  RATE_LIMIT_OUTREACH_POSTS_PER_HOUR: positiveInt(10_000),
  // Follow-up (reference + code): wrong codes per reference before it locks, the lock's first length (doubling each
  // time it locks again within a day, up to a day), code checks per client, and messages the person may write back.
  FOLLOW_UP_MAX_FAILED_PER_REFERENCE: positiveInt(5),
  FOLLOW_UP_LOCKOUT_MINUTES: positiveInt(15),
  FOLLOW_UP_MAX_FAILED_PER_CLIENT: positiveInt(20),
  FOLLOW_UP_CLIENT_WINDOW_SECONDS: positiveInt(900),
  FOLLOW_UP_REPLIES_PER_DAY: positiveInt(20),
  // How many reverse proxies in front of the app append to X-Forwarded-For. 0: the header is ignored and the
  // socket's peer is the client. Read by the front server (scripts/serve.mjs); validated here with the rest.
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
});

export type RateLimitConfig = z.infer<typeof rateLimitEnvSchema>;

export function readRateLimitConfig(env: Record<string, string | undefined> = process.env): RateLimitConfig {
  return rateLimitEnvSchema.parse(env);
}
