/**
 * DB integration-test harness (vitest).
 *
 *   import { forEachDatabase } from "@/test/support/db";
 *
 *   forEachDatabase((getDb, kind) => {
 *     it("saves a case", async () => {
 *       const db = getDb();             // PrismaClient on a fresh, migrated database
 *       ...
 *     });
 *   });
 *
 * The callback runs twice, inside describe("[pglite]") and describe("[postgres]"):
 *  - pglite:   a new in-memory PGlite per test file, migrated with the committed migrations.
 *  - postgres: a new database created on the server of TEST_DATABASE_URL (the role needs
 *              CREATEDB), migrated, and dropped after the file. Without TEST_DATABASE_URL the
 *              variant is skipped with a visible note, except when CI is set: then it fails.
 * All tests of one file share the database of that file (per variant): use unique data.
 * LANTERN_TEST_DB=pglite|postgres runs only one variant.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, it } from "vitest";
import { migrationsDir } from "@/lib/db/schema-engine";
import { openDatabase, type DbHandle, type DbKind } from "@/lib/db/connect";
import type { PrismaClient } from "@/lib/db/generated/client";

export type { DbKind };

export interface TestDatabase {
  handle: DbHandle;
  /** Connection string for kind "postgres" (e.g. to start a server against it); undefined for PGlite. */
  url?: string;
  /** Closes it and, for PostgreSQL, drops the database. */
  dispose(): Promise<void>;
}

/**
 * A fresh in-memory PGlite with the committed migrations. Creating PGlite from scratch
 * (initdb) costs seconds, so the first test file of a run dumps a migrated database to a
 * template file in the temp folder (keyed by the PGlite version and the migrations' SQL) and
 * the others load it. Delete lantern-pglite-template-*.tar in the temp folder to reset.
 */
async function openMigratedPglite(): Promise<DbHandle> {
  const { PGlite } = await import("@electric-sql/pglite");
  const dir = migrationsDir();
  const hash = crypto.createHash("sha256");
  hash.update(pgliteVersion());
  for (const name of fs.readdirSync(dir).sort()) {
    const file = path.join(dir, name, "migration.sql");
    if (fs.existsSync(file)) hash.update(name).update(fs.readFileSync(file));
  }
  const template = path.join(os.tmpdir(), `lantern-pglite-template-${hash.digest("hex").slice(0, 16)}.tar`);
  if (fs.existsSync(template)) {
    try {
      const pg = new PGlite({ loadDataDir: new Blob([fs.readFileSync(template)]) });
      // migrate: true is a cheap no-op when the template is current, and a safety net otherwise.
      return await openDatabase({ pglite: pg, migrate: true });
    } catch {
      fs.rmSync(template, { force: true }); // unreadable template: rebuild below
    }
  }
  const handle = await openDatabase({ databaseUrl: null, memory: true, migrate: true });
  try {
    const dump = await handle.pglite!.dumpDataDir("none");
    const tmp = `${template}.${process.pid}.${Date.now()}`;
    fs.writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
    fs.renameSync(tmp, template); // atomic: parallel workers never read half a file
  } catch {
    /* the template is only an optimization */
  }
  return handle;
}

function pgliteVersion(): string {
  try {
    const req = createRequire(path.join(process.cwd(), "package.json"));
    let dir = path.dirname(req.resolve("@electric-sql/pglite"));
    while (!fs.existsSync(path.join(dir, "package.json")) && path.dirname(dir) !== dir) dir = path.dirname(dir);
    return String(JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")).version);
  } catch {
    return "unknown";
  }
}

function isCI(): boolean {
  const v = process.env.CI;
  return !!v && v !== "false" && v !== "0";
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Creates a fresh migrated database of the given kind (usable outside vitest too). */
export async function createTestDatabase(kind: DbKind): Promise<TestDatabase> {
  if (kind === "pglite") {
    const handle = await openMigratedPglite();
    return { handle, dispose: () => handle.close() };
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error("TEST_DATABASE_URL is not set");
  const name = `lantern_t_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const pg = (await import("pg")).default;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${quoteIdent(name)}`);
  } finally {
    await admin.end();
  }
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const url = u.toString();
  let handle: DbHandle;
  try {
    handle = await openDatabase({ databaseUrl: url, migrate: true, poolSize: 4 });
  } catch (err) {
    await dropDatabase(adminUrl, name).catch(() => {});
    throw err;
  }
  return {
    handle,
    url,
    async dispose() {
      await handle.close();
      await dropDatabase(adminUrl, name);
    },
  };
}

/**
 * Drops a test database as a role with only CREATEDB (as in CI). `WITH (FORCE)` is not used: it must be
 * allowed to terminate every session on the database, and an autovacuum worker's needs pg_signal_backend.
 * A plain DROP asks autovacuum to stop by itself; sessions of our own role that are still open (a pool
 * that was not closed) we may end ourselves. Anything else still connected fails the drop after retries.
 */
async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const pg = (await import("pg")).default;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    for (let attempt = 1; ; attempt++) {
      await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND usename = current_user AND pid <> pg_backend_pid()", [name]);
      try {
        await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)}`);
        return;
      } catch (err) {
        // 55006 object_in_use: a session (ours just terminating, or autovacuum) has not left yet.
        if (attempt >= 8 || (err as { code?: string }).code !== "55006") throw err;
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  } finally {
    await admin.end();
  }
}

let warnedSkip = false;

/** Runs `fn` (which declares tests) once per database kind, each on its own fresh database. */
export function forEachDatabase(
  fn: (getDb: () => PrismaClient, kind: DbKind, getHandle: () => DbHandle, getUrl: () => string | undefined) => void,
): void {
  const only = process.env.LANTERN_TEST_DB;
  const kinds: DbKind[] = (["pglite", "postgres"] as const).filter((k) => !only || only === k);
  for (const kind of kinds) {
    if (kind === "postgres" && !process.env.TEST_DATABASE_URL) {
      if (isCI()) {
        describe("[postgres]", () => {
          it("has TEST_DATABASE_URL (required when CI is set)", () => {
            throw new Error("CI is set but TEST_DATABASE_URL is missing: the real-PostgreSQL tests cannot run");
          });
        });
      } else {
        if (!warnedSkip) {
          warnedSkip = true;
          console.warn(
            "[db tests] TEST_DATABASE_URL is not set: SKIPPING the real-PostgreSQL variant. " +
              "Set it (e.g. postgresql://lantern:lantern@127.0.0.1:5432/postgres, role with CREATEDB) to run it.",
          );
        }
        describe.skip("[postgres] (skipped: TEST_DATABASE_URL not set)", () => fn(unavailable, kind, unavailable, unavailable));
      }
      continue;
    }
    describe(`[${kind}]`, () => {
      let db: TestDatabase | undefined;
      beforeAll(async () => {
        db = await createTestDatabase(kind);
      }, 120_000);
      afterAll(async () => {
        await db?.dispose();
      }, 60_000);
      const getHandle = () => {
        if (!db) throw new Error("test database not ready (use getDb() inside tests/hooks, not at collection time)");
        return db.handle;
      };
      // The server database's connection string (PostgreSQL only), for a second client such as the job runtime's pool.
      fn(() => getHandle().prisma, kind, getHandle, () => db?.url);
    });
  }
}

function unavailable(): never {
  throw new Error("database variant skipped");
}
