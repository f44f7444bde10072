import "server-only";
import { readdir } from "node:fs/promises";
import { classifierState, loadClassifier, type ClassifierState } from "@/lib/classifier";
import { getDb, type PrismaClient } from "@/lib/db/client";
import { migrationsDir } from "@/lib/db/schema-engine";
import { isShuttingDown } from "./shutdown-registry.mjs";

/**
 * Readiness for a load balancer (/api/ready): may this instance take new requests? It may not while it is shutting
 * down (so the balancer drains it), while the database is unreachable, while a committed migration is missing from
 * the database, or while the model is not loaded. The answer names the failed checks and nothing else: no error
 * text, versions or addresses. Liveness is /api/health, which never touches any of these.
 */
export type ReadinessCheck = "shutdown" | "database" | "migrations" | "model";
export interface Readiness {
  ready: boolean;
  failed: ReadinessCheck[];
}

/** A database that does not answer within this is "failed": the probe itself must answer promptly. */
const DATABASE_TIMEOUT_MS = 2_000;

class Timeout extends Error {}

function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Timeout()), ms)));
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

// The committed migrations do not change while the process runs: read the folder once.
let committed: Promise<string[]> | undefined;
function committedMigrations(): Promise<string[]> {
  committed ??= readdir(migrationsDir(), { withFileTypes: true }).then(
    (entries) => entries.filter((e) => e.isDirectory()).map((e) => e.name),
    (err: unknown) => {
      committed = undefined;
      throw err;
    },
  );
  return committed;
}

/** What the checks read; the app's own by default, the tests' own in tests. */
export interface ReadinessSources {
  db: () => Promise<Pick<PrismaClient, "$queryRaw">>;
  committedMigrations: () => Promise<string[]>;
  modelState: () => ClassifierState;
  shuttingDown: () => boolean;
  timeoutMs?: number;
}

const appSources: ReadinessSources = {
  db: getDb,
  committedMigrations,
  modelState: () => {
    const state = classifierState();
    // Started at boot by the warm-up (lib/startup/preflight.ts); started here if something skipped it.
    if (state === "not loaded") void loadClassifier().catch(() => {});
    return state;
  },
  shuttingDown: isShuttingDown,
};

/**
 * The database check and the migrations check in one round trip. A migration the database has and this code does
 * not (a newer release migrated it during a rolling upgrade) does not fail the check: migrations only add.
 */
async function databaseChecks(sources: ReadinessSources): Promise<ReadinessCheck[]> {
  const ms = sources.timeoutMs ?? DATABASE_TIMEOUT_MS;
  let applied: Set<string>;
  try {
    const db = await within(sources.db(), ms);
    const rows = await within(
      db.$queryRaw<{ migration_name: string }[]>`SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
      ms,
    );
    applied = new Set(rows.map((r) => r.migration_name));
  } catch (err) {
    // Reachable but without the migrations table (never migrated) is a migrations problem, not a connection one.
    return isMissingTable(err) ? ["migrations"] : ["database"];
  }
  try {
    return (await sources.committedMigrations()).every((name) => applied.has(name)) ? [] : ["migrations"];
  } catch {
    return ["migrations"];
  }
}

function isMissingTable(err: unknown): boolean {
  if (err instanceof Timeout || !(err instanceof Error)) return false;
  const code = (err as { meta?: { code?: string } }).meta?.code ?? (err as { code?: string }).code;
  return code === "42P01" || /_prisma_migrations.*does not exist|does not exist.*_prisma_migrations/.test(err.message);
}

export async function checkReadiness(sources: ReadinessSources): Promise<Readiness> {
  if (sources.shuttingDown()) return { ready: false, failed: ["shutdown"] };
  const failed = await databaseChecks(sources);
  if (sources.modelState() !== "ready") failed.push("model");
  if (sources.shuttingDown()) failed.unshift("shutdown");
  return { ready: failed.length === 0, failed };
}

// Probes arriving together share one check, so a burst of probes is one database round trip.
let running: Promise<Readiness> | undefined;

/** This process's readiness (/api/ready). */
export function readiness(): Promise<Readiness> {
  running ??= checkReadiness(appSources).finally(() => {
    running = undefined;
  });
  return running;
}
