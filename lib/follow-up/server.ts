import "server-only";
import { classify } from "@/lib/classifier";
import { env } from "@/lib/env";
import { limiterStore } from "@/lib/rate-limit/shared-store";
import { createFollowUpLimiter, type FollowUpLimiter } from "./limits";
import type { CrisisCheck } from "./person";

// One limiter per server process (its counts in limiterStore("lockouts")), on globalThis so every server bundle shares it.
const g = globalThis as { __lanternFollowUpLimiter?: FollowUpLimiter };
export function followUpLimiter(): FollowUpLimiter {
  g.__lanternFollowUpLimiter ??= createFollowUpLimiter(env, limiterStore("lockouts"));
  return g.__lanternFollowUpLimiter;
}

/** The self-check's classifier on the person's reply; any failure is "unavailable", which shows the crisis card. */
export const classifierCrisisCheck: CrisisCheck = async (text) => {
  try {
    return (await classify(text)).tier === "crisis" ? "crisis" : "other";
  } catch {
    return "unavailable";
  }
};
