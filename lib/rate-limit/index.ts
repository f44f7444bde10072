import "server-only";
import { headers } from "next/headers";
import { readRateLimitConfig } from "./config";
import { clientKeyFromHeaders } from "./client-key";
import { createLimiters } from "./limiters";

// Process-wide limiters, configured once from env (see config.ts for the variables and defaults).
const config = readRateLimitConfig();
const limiters = createLimiters(config);

export const { limitSelfCheck, limitGeneration, limitSignIn } = limiters;

/** The hashed client key for the current request (server actions, route handlers, server components). */
export async function clientKey(): Promise<string> {
  return clientKeyFromHeaders(await headers(), config.TRUSTED_PROXY_HOPS);
}

/** Same, for route handlers that already hold the request. */
export function clientKeyFor(request: Request): string {
  return clientKeyFromHeaders(request.headers, config.TRUSTED_PROXY_HOPS);
}

export { clientKeyFromHeaders } from "./client-key";
