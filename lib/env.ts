/**
 * Lantern's configuration, validated once with zod (@t3-oss/env-nextjs).
 *
 *   import { env } from "@/lib/env";      // server code only
 *   env.CASE_RETENTION_DAYS               // typed, defaults applied
 *
 * A bad or missing required value stops start-up with ONE message that lists every
 * offending variable (see formatEnvProblems). `.env.example` documents each variable.
 * Scripts and tests that must not throw can call `checkEnv(process.env)` instead.
 *
 * AUTH_SECRET is required (and must be strong: lib/security/secrets.ts) only when the
 * production server runs; `next build` (NEXT_PHASE=phase-production-build), development
 * and tests don't need it.
 */
import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";
import { DEFAULT_MODEL_DIR } from "./classifier/model-dir";
import { authSecretProblem } from "./security/secrets";
import { rateLimitEnvSchema } from "./rate-limit/config";

const optionalUrl = z.string().url("must be a URL (https://...)").optional();
const int = (min: number, max: number, fallback: number) => z.coerce.number().int().min(min).max(max).default(fallback);

export const serverShape = {
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),

  // Database: PostgreSQL server when set, embedded PGlite in LANTERN_DATA_DIR otherwise.
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/.+/, "must be a postgresql://user:password@host:port/database URL")
    .optional(),
  DATABASE_POOL_SIZE: int(1, 100, 10),
  LANTERN_DATA_DIR: z.string().min(1).default("data/pglite"),
  LANTERN_MODEL_DIR: z.string().min(1).default(DEFAULT_MODEL_DIR),
  // Read by lib/classifier itself (CLI scripts load it without this module); validated here so the server says so at start.
  LANTERN_ORT_THREADS: int(1, 64, 1),

  // Auth.js
  AUTH_SECRET: z.string().optional(),
  AUTH_URL: optionalUrl,
  AUTH_TRUST_HOST: z.enum(["true", "false", "1", "0"]).optional(),
  AUTH_OIDC_ISSUER: optionalUrl,
  AUTH_OIDC_ID: z.string().min(1).optional(),
  AUTH_OIDC_SECRET: z.string().min(1).optional(),
  AUTH_OIDC_NAME: z.string().min(1).optional(),
  SESSION_MAX_AGE_SECONDS: int(300, 60 * 60 * 24 * 30, 60 * 60 * 8),

  // LLM for the personalized message (offline composer by default; no key needed).
  LLM_PROVIDER: z.enum(["offline", "together", "openai-compatible", "openai"]).default("offline"),
  LLM_MODEL: z.string().min(1).optional(),
  LLM_BASE_URL: optionalUrl,
  LLM_API_KEY: z.string().min(1).optional(),
  TOGETHER_API_KEY: z.string().min(1).optional(),
  OPENAI_API_KEY: z.string().min(1).optional(),
  LLM_TIMEOUT_MS: int(500, 120_000, 8_000),

  // Retention of saved cases (days); purged by `npm run purge` and on a schedule.
  CASE_RETENTION_DAYS: int(1, 3650, 180),

  // Rate limits (see lib/rate-limit/config.ts for the meaning of each).
  ...rateLimitEnvSchema.shape,

  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
};

type ShapeOut = z.infer<z.ZodObject<typeof serverShape>>;

function isProductionRuntime(v: { NODE_ENV?: string }): boolean {
  return v.NODE_ENV === "production" && process.env.NEXT_PHASE !== "phase-production-build";
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
      if (!v.TOGETHER_API_KEY && !v.LLM_API_KEY) add("TOGETHER_API_KEY", "is required when LLM_PROVIDER=together (or set LLM_API_KEY)");
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
const SECRET_VARS = new Set(["AUTH_SECRET", "AUTH_OIDC_SECRET", "LLM_API_KEY", "TOGETHER_API_KEY", "OPENAI_API_KEY", "DATABASE_URL"]);

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
    skipValidation: process.env.SKIP_ENV_VALIDATION === "1",
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
export function enforceValidEnvOrExit(raw: Record<string, string | undefined> = process.env): Env {
  const r = checkEnv(raw);
  if (r.ok) return r.env;
  process.stderr.write(`\n${r.message}\n\n`);
  process.exit(78);
}

export function isSecretVariable(name: string): boolean {
  return SECRET_VARS.has(name);
}
