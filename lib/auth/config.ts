/**
 * Settings of sign-in and retention, read from the environment once and validated with their shape in lib/env.ts.
 * Not server-only so scripts (user CLI, purge) share the same defaults.
 */
import { z } from "zod";
import { authShape, readEnv } from "@/lib/env";

const schema = z.object(authShape);

export type AuthConfig = z.infer<typeof schema>;

let cached: AuthConfig | undefined;

/** Without an argument: the process environment, parsed once. */
export function authConfig(given?: Record<string, string | undefined>): AuthConfig {
  if (!given && cached) return cached;
  const env = given ?? readEnv();
  // Empty strings in .env files mean "not set".
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ""));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    throw new Error(`Invalid sign-in settings in the environment: ${z.prettifyError(parsed.error)}`);
  }
  if (!given) cached = parsed.data;
  return parsed.data;
}

export function oidcConfigured(c: AuthConfig = authConfig()): boolean {
  return !!(c.AUTH_OIDC_ISSUER && c.AUTH_OIDC_ID && c.AUTH_OIDC_SECRET);
}
