import "server-only";
import { headers } from "next/headers";
import { readRateLimitConfig, type RateLimitConfig } from "./config";
import { clientKeyFromHeaders } from "./client-key";
import { createLimiters, type Limiters } from "./limiters";

// Process-wide limiters, configured once from env (see config.ts for the variables and defaults);
// on globalThis so that every server bundle that includes this module shares one count.
const g = globalThis as { __lanternRateLimits?: { config: RateLimitConfig; limiters: Limiters } };
g.__lanternRateLimits ??= (() => {
  const config = readRateLimitConfig();
  return { config, limiters: createLimiters(config) };
})();
const { limiters } = g.__lanternRateLimits;

export const { limitSelfCheck, limitSave, limitGeneration, limitOutreach } = limiters;

/** The hashed client key for the current request (server actions, route handlers, server components). */
export async function clientKey(): Promise<string> {
  return clientKeyFromHeaders(await headers());
}

/** Same, for route handlers that already hold the request. */
export function clientKeyFor(request: Request): string {
  return clientKeyFromHeaders(request.headers);
}

export { clientKeyFromHeaders } from "./client-key";
