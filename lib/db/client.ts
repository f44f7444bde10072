/**
 * The app's database client: one PrismaClient per server process.
 *
 *   import { getDb } from "@/lib/db/client";
 *   const db = await getDb();          // PrismaClient, schema migrated
 *
 * The first call opens the database (PGlite in LANTERN_DATA_DIR, or PostgreSQL when
 * DATABASE_URL is set) and applies any committed migration not yet applied (offline,
 * wasm schema engine), so the schema is always current, whichever process opens it
 * (PGlite allows a single process: the server must be the only opener while it runs).
 * If opening fails (server down, folder locked), the error is thrown to the caller and
 * the next call tries again, so the app recovers by itself when the database returns.
 */
import "server-only";
import path from "node:path";
import { env } from "../env";
import { openDatabase, DatabaseStartupError, type DbHandle } from "./connect";
import type { PrismaClient } from "./generated/client";

export { DatabaseStartupError };
export type { PrismaClient };
export type Db = PrismaClient;

const g = globalThis as typeof globalThis & { __lanternDb?: Promise<DbHandle> };

export function getDbHandle(): Promise<DbHandle> {
  g.__lanternDb ??= openDatabase({
    databaseUrl: env.DATABASE_URL || null,
    dataDir: path.resolve(env.LANTERN_DATA_DIR),
    poolSize: env.DATABASE_POOL_SIZE,
  }).then(
    (handle) => {
      const applied = handle.appliedMigrations.length ? `, applied ${handle.appliedMigrations.join(", ")}` : "";
      console.info(`[lantern] database: ${handle.where}${applied}`);
      return handle;
    },
    (err: unknown) => {
      g.__lanternDb = undefined; // retry on the next call
      const msg = err instanceof DatabaseStartupError ? err.message : `Database start-up failed: ${(err as Error)?.message}`;
      console.error(`[lantern] ${msg}`);
      throw err instanceof DatabaseStartupError ? err : new DatabaseStartupError(msg, { cause: err });
    },
  );
  return g.__lanternDb;
}

/** The process-wide PrismaClient (opens and migrates on first use). */
export async function getDb(): Promise<PrismaClient> {
  return (await getDbHandle()).prisma;
}

/** Closes the database (tests, graceful shutdown). */
export async function closeDb(): Promise<void> {
  const p = g.__lanternDb;
  g.__lanternDb = undefined;
  if (p) await (await p.catch(() => undefined))?.close();
}
