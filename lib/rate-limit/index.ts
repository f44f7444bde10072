import "server-only";
import { headers } from "next/headers";
import { readRateLimitConfig } from "./config";
import { clientKeyFromHeaders } from "./client-key";
import { createLimiters, type Limiters } from "./limiters";
import { limiterStore } from "./shared-store";

// Process-wide limiters, configured once from env (see config.ts for the variables and defaults) on the first
// request, their counts in limiterStore("requests"); on globalThis so that every server bundle including this module
// shares them.
const g = globalThis as { __lanternLimiters?: Limiters };
function limiters(): Limiters {
  g.__lanternLimiters ??= createLimiters(readRateLimitConfig(), limiterStore("requests"));
  return g.__lanternLimiters;
}

export const limitSelfCheck: Limiters["limitSelfCheck"] = (key) => limiters().limitSelfCheck(key);
export const limitSave: Limiters["limitSave"] = (key) => limiters().limitSave(key);
export const limitGeneration: Limiters["limitGeneration"] = (key) => limiters().limitGeneration(key);
export const limitOutreach: Limiters["limitOutreach"] = (userId, posts) => limiters().limitOutreach(userId, posts);

/** The hashed client key for the current request (server actions, route handlers, server components). */
export async function clientKey(): Promise<string> {
  return clientKeyFromHeaders(await headers());
}

/** Same, for route handlers that already hold the request. */
export function clientKeyFor(request: Request): string {
  return clientKeyFromHeaders(request.headers);
}

export { clientKeyFromHeaders } from "./client-key";
