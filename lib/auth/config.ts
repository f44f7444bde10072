/**
 * Settings of sign-in and retention, read from the environment once and validated.
 * Not server-only so scripts (user CLI, purge) share the same defaults. Names and
 * defaults shared with lib/env.ts (SESSION_MAX_AGE_SECONDS, CASE_RETENTION_DAYS,
 * AUTH_OIDC_*) are kept identical to it.
 */
import { z } from "zod";

const intFromEnv = (def: number, min: number, max: number) =>
  z.coerce.number().int().min(min).max(max).default(def);

const schema = z.object({
  /** Seconds a sign-in lasts before the person must sign in again (same default as lib/env.ts). */
  SESSION_MAX_AGE_SECONDS: intFromEnv(60 * 60 * 8, 300, 60 * 60 * 24 * 30),
  /** Failed sign-ins allowed for one account from one client within the window, then a doubling backoff. */
  AUTH_MAX_FAILED_PER_ACCOUNT_ADDRESS: intFromEnv(5, 1, 1000),
  /** Failed sign-ins allowed per client (any accounts) within the window. */
  AUTH_MAX_FAILED_PER_ADDRESS: intFromEnv(20, 1, 100_000),
  /** Failed sign-ins allowed for one account from all clients together within the window (many-address guessing). */
  AUTH_MAX_FAILED_PER_ACCOUNT: intFromEnv(100, 1, 100_000),
  /** The window, and the first backoff of a spent account+client pair (it doubles, up to a day). */
  AUTH_LOCKOUT_MINUTES: intFromEnv(15, 1, 24 * 60),
  /** Failed sign-ins are counted for this long, then written as one audit row per account (failed-signins.ts). */
  AUTH_FAILED_SIGNIN_AUDIT_SECONDS: intFromEnv(900, 1, 24 * 60 * 60),
  /** Where the first administrator's generated password is written (mode 600). Default: beside the data folder. */
  LANTERN_FIRST_ADMIN_PASSWORD_FILE: z.string().min(1).optional(),
  /** Optional generic OpenID Connect provider (organisation SSO). All three or none. */
  AUTH_OIDC_ISSUER: z.url().optional(),
  AUTH_OIDC_ID: z.string().min(1).optional(),
  AUTH_OIDC_SECRET: z.string().min(1).optional(),
  AUTH_OIDC_NAME: z.string().min(1).default("your organisation"),
  /** Saved cases older than this many days are purged (same default as lib/env.ts). */
  CASE_RETENTION_DAYS: intFromEnv(180, 1, 3650),
  /** How often the running server purges expired cases. */
  PURGE_INTERVAL_MINUTES: intFromEnv(60, 1, 24 * 60),
  /** Email of the administrator created on first start when none exists. */
  LANTERN_BOOTSTRAP_ADMIN_EMAIL: z.email().default("admin@lantern.local"),
});

export type AuthConfig = z.infer<typeof schema>;

let cached: AuthConfig | undefined;

export function authConfig(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  if (env === process.env && cached) return cached;
  // Empty strings in .env files mean "not set".
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ""));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    throw new Error(`Invalid sign-in settings in the environment: ${z.prettifyError(parsed.error)}`);
  }
  if (env === process.env) cached = parsed.data;
  return parsed.data;
}

export function oidcConfigured(c: AuthConfig = authConfig()): boolean {
  return !!(c.AUTH_OIDC_ISSUER && c.AUTH_OIDC_ID && c.AUTH_OIDC_SECRET);
}
