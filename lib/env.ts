/**
 * Lantern's configuration, validated once with zod (@t3-oss/env-nextjs).
 *
 *   import { env } from "@/lib/env";      // server code only
 *   env.CASE_RETENTION_DAYS               // typed, defaults applied
 *
 * A bad or missing required value stops start-up with ONE message that lists every
 * offending variable (see formatEnvProblems). `.env.example` documents each variable.
 * Scripts and tests that must not throw can call `checkEnv(readEnv())` instead. Features that read their part per
 * call (so a test can change it) parse it with their shape from here: every variable is declared once, below.
 *
 * AUTH_SECRET is required (and must be strong: lib/security/secrets.ts) only when the
 * production server runs; `next build` (NEXT_PHASE=phase-production-build), development
 * and tests don't need it.
 */
import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";
import { DEFAULT_MODEL_DIR } from "./classifier/model-dir";
import { authSecretProblem } from "./security/secrets";

/**
 * The raw environment, read fresh on every call. The only read of `process.env` in the app: features that must see a
 * value changed at run time (tests, drills, the front server's own flag) parse their part of it with the shapes below.
 */
export function readEnv(): Record<string, string | undefined> {
  return process.env;
}

const optionalUrl = z.string().url("must be a URL (https://...)").optional();
const int = (min: number, max: number, fallback: number) => z.coerce.number().int().min(min).max(max).default(fallback);
const ms = (fallback: number) => z.coerce.number().int().min(0).max(120_000).default(fallback);
const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

function isAesKey(value: string): boolean {
  return /^[A-Za-z0-9+/]+={0,2}$/.test(value) && value.length % 4 === 0 && [16, 24, 32].includes(atob(value).length);
}

export const LLM_PROVIDERS = ["offline", "together", "openai-compatible", "openai"] as const;

/** The personalized message's LLM (lib/ai/config.ts reads these per request). Offline by default: no key needed. */
export const aiShape = {
  LLM_PROVIDER: z.enum(LLM_PROVIDERS).default("offline"),
  LLM_MODEL: z.string().min(1).optional(),
  LLM_BASE_URL: optionalUrl,
  LLM_API_KEY: z.string().min(1).optional(),
  TOGETHER_API_KEY: z.string().min(1).optional(),
  /** The name @ai-sdk/togetherai reads by default; accepted too. */
  TOGETHER_AI_API_KEY: z.string().min(1).optional(),
  OPENAI_API_KEY: z.string().min(1).optional(),
  /** No first token from the provider within this time: the offline composer writes the message. */
  LLM_FIRST_TOKEN_TIMEOUT_MS: ms(8000),
  /** The provider goes quiet mid-stream for this long: the offline composer completes the message. */
  LLM_IDLE_TIMEOUT_MS: ms(8000),
  LLM_MAX_OUTPUT_TOKENS: z.coerce.number().int().min(64).max(2048).default(400),
  /** Pause between the offline composer's chunks, so the message is seen being written (0 in tests and benches). */
  LLM_OFFLINE_CHUNK_DELAY_MS: ms(12),
};

/** Sign-in and retention (lib/auth/config.ts). */
export const authShape = {
  /** Seconds a sign-in lasts before the person must sign in again. */
  SESSION_MAX_AGE_SECONDS: int(300, 60 * 60 * 24 * 30, 60 * 60 * 8),
  /** Failed sign-ins allowed for one account from one client within the window, then a doubling backoff. */
  AUTH_MAX_FAILED_PER_ACCOUNT_ADDRESS: int(1, 1000, 5),
  /** Failed sign-ins allowed per client (any accounts) within the window. */
  AUTH_MAX_FAILED_PER_ADDRESS: int(1, 100_000, 20),
  /** Failed sign-ins allowed for one account from all clients together within the window (many-address guessing). */
  AUTH_MAX_FAILED_PER_ACCOUNT: int(1, 100_000, 100),
  /** The window, and the first backoff of a spent account+client pair (it doubles, up to a day). */
  AUTH_LOCKOUT_MINUTES: int(1, 24 * 60, 15),
  /** Failed sign-ins are counted for this long, then written as one audit row per account (failed-signins.ts). */
  AUTH_FAILED_SIGNIN_AUDIT_SECONDS: int(1, 24 * 60 * 60, 900),
  /** Where the first administrator's generated password is written (mode 600). Default: beside the data folder. */
  LANTERN_FIRST_ADMIN_PASSWORD_FILE: z.string().min(1).optional(),
  /** Email of the administrator created on first start when none exists. */
  LANTERN_BOOTSTRAP_ADMIN_EMAIL: z.email().default("admin@lantern.local"),
  /** Optional generic OpenID Connect provider (organisation SSO). All three or none. */
  AUTH_OIDC_ISSUER: optionalUrl,
  AUTH_OIDC_ID: z.string().min(1).optional(),
  AUTH_OIDC_SECRET: z.string().min(1).optional(),
  AUTH_OIDC_NAME: z.string().min(1).default("your organisation"),
  /** Saved cases older than this many days are purged (`npm run purge` and the server's schedule). */
  CASE_RETENTION_DAYS: int(1, 3650, 180),
  /** How often expired cases are purged (a cron schedule of the background jobs, once per tick across instances). */
  PURGE_INTERVAL_MINUTES: int(1, 24 * 60, 60),
};

/**
 * Rate limits (lib/rate-limit/config.ts). Sign-in attempts have their own limiter (authShape). Limits are per client
 * (hashed address) and per window; the defaults let a person check several posts in a row while stopping a script
 * from running the classifier or the LLM into the ground.
 */
export const rateLimitShape = {
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
  // With DATABASE_URL the limits are kept in PostgreSQL, shared by every instance (lib/rate-limit/store.ts): the
  // limiters' own connection pool, and how long a limiter waits on the database (for a connection, then for the
  // query) before this instance counts that request alone, in memory.
  RATE_LIMIT_DB_POOL_SIZE: int(1, 50, 4),
  RATE_LIMIT_DB_TIMEOUT_MS: int(10, 10_000, 500),
};

/** Where a consented case waits when the database is down (lib/outbox). */
export const outboxShape = {
  /** Default: an "outbox" folder beside the embedded database folder. */
  LANTERN_OUTBOX_DIR: z.string().min(1).optional(),
  LANTERN_OUTBOX_RETRY_MS: z.coerce.number().int().min(1).max(600_000).default(1_000),
  /** A save slower than this goes to the outbox instead (the person is told it is kept). */
  LANTERN_SAVE_TIMEOUT_MS: z.coerce.number().int().min(1).max(600_000).default(5_000),
};

/** Running behind a load balancer (docs/deploy.md). The front server (scripts/serve.mjs) reads the shutdown timings. */
export const opsShape = {
  /**
   * After SIGTERM, how long /api/ready answers 503 while requests are still served, before the listener closes.
   * Unset: 5 s when LANTERN_INSTANCES > 1 (a balancer needs time to see the 503 and stop sending), else 0.
   */
  LANTERN_SHUTDOWN_DELAY_MS: z.coerce.number().int().min(0).max(120_000).optional(),
  /** How long requests in flight get to finish once the listener has closed. */
  LANTERN_SHUTDOWN_GRACE_MS: ms(10_000),
  /** How long the model and tagger threads, the outbox, jobs and the database get to drain after that. */
  LANTERN_SHUTDOWN_DRAIN_MS: ms(5_000),
  /** Bearer token for /api/metrics (Prometheus). Unset: the endpoint answers 404. */
  METRICS_TOKEN: z.string().min(32, "must be at least 32 characters (generate one with `openssl rand -base64 32`)").optional(),
};

export const serverShape = {
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),

  // Database: PostgreSQL server when set, embedded PGlite in LANTERN_DATA_DIR otherwise.
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/.+/, "must be a postgresql://user:password@host:port/database URL")
    .optional(),
  DATABASE_POOL_SIZE: int(1, 100, 10),
  LANTERN_DATA_DIR: z.string().min(1).default("data/pglite"),
  /**
   * How many server instances serve this deployment behind one load balancer. More than one needs DATABASE_URL,
   * AUTH_SECRET and NEXT_SERVER_ACTIONS_ENCRYPTION_KEY, the same on every instance (lib/startup/multi-instance.ts).
   */
  LANTERN_INSTANCES: int(1, 1000, 1),
  LANTERN_MODEL_DIR: z.string().min(1).default(DEFAULT_MODEL_DIR),
  LANTERN_ORT_THREADS: int(1, 64, 1),
  /** Extra Mastodon servers links may come from (comma-separated host names), beyond lib/ingest/config.ts's list. */
  LANTERN_MASTODON_HOSTS: z.string().optional(),

  // Auth.js reads these itself; validated here so a bad value stops start-up.
  AUTH_SECRET: z.string().optional(),
  AUTH_URL: optionalUrl,
  AUTH_TRUST_HOST: z.enum(["true", "false", "1", "0"]).optional(),
  // Next reads this itself: the AES-GCM key of server-action ids. Unset, each build makes its own.
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: z
    .string()
    .refine(isAesKey, "must be a base64 AES key of 16, 24 or 32 bytes (generate one with `openssl rand -base64 32`)")
    .optional(),
  ...authShape,
  ...aiShape,
  ...rateLimitShape,
  ...outboxShape,
  ...opsShape,

  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
};

/**
 * Variables set by the tools around the app, never by an operator (so not in .env.example): the build phase, the
 * test runners, the front server's flag, the e2e server's fixtures, and debugging switches.
 */
export const INTERNAL_VARIABLES = [
  "NEXT_PHASE",
  "NEXT_RUNTIME",
  "SKIP_ENV_VALIDATION",
  "VITEST",
  "LANTERN_E2E",
  "LANTERN_FRONT_SERVER",
  "LANTERN_INGEST_FIXTURE_ORIGIN",
  "LANTERN_INGEST_FIXTURE_DNS",
  "LANTERN_ROOT",
  "LANTERN_SCHEMA_ENGINE_DEBUG",
] as const;

type ShapeOut = z.infer<z.ZodObject<typeof serverShape>>;

function isProductionRuntime(v: { NODE_ENV?: string }): boolean {
  return v.NODE_ENV === "production" && readEnv().NEXT_PHASE !== "phase-production-build";
}

/** Cross-variable rules, added on top of the per-variable schemas. */
function refine(v: ShapeOut, ctx: z.RefinementCtx): void {
  const add = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
  if (isProductionRuntime(v)) {
    const problem = authSecretProblem(v.AUTH_SECRET);
    if (problem) add("AUTH_SECRET", problem);
  } else if (v.AUTH_SECRET !== undefined && v.AUTH_SECRET.length < 32) {
    add("AUTH_SECRET", "must be at least 32 characters when set (generate one with `openssl rand -base64 32`)");
  }
  const oidc = [v.AUTH_OIDC_ISSUER, v.AUTH_OIDC_ID, v.AUTH_OIDC_SECRET];
  if (oidc.some(Boolean) && !oidc.every(Boolean)) {
    for (const [k, val] of [["AUTH_OIDC_ISSUER", v.AUTH_OIDC_ISSUER], ["AUTH_OIDC_ID", v.AUTH_OIDC_ID], ["AUTH_OIDC_SECRET", v.AUTH_OIDC_SECRET]] as const) {
      if (!val) add(k, "is required when any AUTH_OIDC_* variable is set (single sign-on needs issuer, id and secret)");
    }
  }
  switch (v.LLM_PROVIDER) {
    case "together":
      if (!v.TOGETHER_API_KEY && !v.TOGETHER_AI_API_KEY && !v.LLM_API_KEY) add("TOGETHER_API_KEY", "is required when LLM_PROVIDER=together (or set LLM_API_KEY)");
      break;
    case "openai":
      if (!v.OPENAI_API_KEY && !v.LLM_API_KEY) add("OPENAI_API_KEY", "is required when LLM_PROVIDER=openai (or set LLM_API_KEY)");
      break;
    case "openai-compatible":
      if (!v.LLM_BASE_URL) add("LLM_BASE_URL", "is required when LLM_PROVIDER=openai-compatible");
      if (!v.LLM_MODEL) add("LLM_MODEL", "is required when LLM_PROVIDER=openai-compatible");
      break;
  }
}

// `when: () => true`: run the cross-variable rules even when a single variable already failed,
// so that one message lists every problem.
const ALWAYS = { when: () => true };
export const serverEnvSchema = z.object(serverShape).superRefine(refine, ALWAYS);
export type Env = z.infer<typeof serverEnvSchema>;

/** Variables whose values must never be printed. */
const SECRET_VARS = new Set([
  "AUTH_SECRET",
  "AUTH_OIDC_SECRET",
  "LLM_API_KEY",
  "TOGETHER_API_KEY",
  "OPENAI_API_KEY",
  "DATABASE_URL",
  "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY",
  "METRICS_TOKEN",
]);

export interface EnvIssue {
  path?: readonly (PropertyKey | { key: PropertyKey })[];
  message: string;
}

/** One operator-facing message naming every bad variable (values of secrets never shown). */
export function formatEnvProblems(issues: readonly EnvIssue[]): string {
  const lines = new Map<string, string>();
  for (const issue of issues) {
    const first = issue.path?.[0];
    const key = String(typeof first === "object" && first !== null ? first.key : (first ?? "(config)"));
    if (!lines.has(key)) lines.set(key, `  - ${key}: ${issue.message}`);
  }
  return (
    `Lantern cannot start: invalid configuration in ${lines.size} environment variable(s):\n` +
    [...lines.values()].join("\n") +
    `\nFix them in the environment or .env (see .env.example), then start again.`
  );
}

/** Validates without throwing (for scripts and tests). Empty strings count as unset. */
export function checkEnv(raw: Record<string, string | undefined>): { ok: true; env: Env } | { ok: false; message: string; variables: string[] } {
  const cleaned = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== ""));
  const r = serverEnvSchema.safeParse(cleaned);
  if (r.success) return { ok: true, env: r.data };
  const variables = [...new Set(r.error.issues.map((i) => String(i.path[0] ?? "(config)")))];
  return { ok: false, message: formatEnvProblems(r.error.issues), variables };
}

/** Error thrown for an invalid configuration; its message is the operator-facing list. */
export class EnvValidationError extends Error {
  override name = "EnvValidationError";
}

function createValidatedEnv(): Readonly<Env> {
  return createEnv({
    server: serverShape,
    client: {},
    experimental__runtimeEnv: {},
    emptyStringAsUndefined: true,
    skipValidation: readEnv().SKIP_ENV_VALIDATION === "1",
    createFinalSchema: (shape) => z.object(shape).superRefine((v, ctx) => refine(v as ShapeOut, ctx), ALWAYS),
    onValidationError: (issues) => {
      const message = formatEnvProblems(issues as readonly EnvIssue[]);
      console.error(`\n${message}\n`);
      throw new EnvValidationError(message);
    },
  }) as unknown as Readonly<Env>;
}

let cached: Readonly<Env> | undefined;

/**
 * The validated configuration. Validation runs on first property access (not at import), so
 * importing this module never throws; an invalid value throws EnvValidationError there.
 */
export const env: Readonly<Env> = new Proxy({} as Env, {
  get(_target, key) {
    cached ??= createValidatedEnv();
    return (cached as Record<PropertyKey, unknown>)[key];
  },
  has(_target, key) {
    cached ??= createValidatedEnv();
    return key in cached;
  },
});

/**
 * For start-up (instrumentation.ts register(), CLIs): on an invalid configuration, prints the
 * one message listing every bad variable and exits with 78 (EX_CONFIG, so a supervisor does not
 * restart in a loop). Returns the validated values otherwise.
 */
export function enforceValidEnvOrExit(raw: Record<string, string | undefined> = readEnv()): Env {
  const r = checkEnv(raw);
  if (r.ok) return r.env;
  process.stderr.write(`\n${r.message}\n\n`);
  process.exit(78);
}

export function isSecretVariable(name: string): boolean {
  return SECRET_VARS.has(name);
}
