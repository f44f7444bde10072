/**
 * Opens the Lantern database, outside of Next as well as inside it (not server-only).
 *
 *  - DATABASE_URL set   -> PostgreSQL server through @prisma/adapter-pg.
 *  - otherwise          -> embedded PostgreSQL (PGlite) in LANTERN_DATA_DIR (default ./data/pglite),
 *                          or in memory with `{ memory: true }` (tests).
 *
 * PGlite allows ONE process per data folder. We guard it with a lock file
 * (<dataDir>/.lantern.lock holding the owner's pid) and turn a locked or damaged
 * folder into one clear DatabaseStartupError instead of a wasm stack trace.
 *
 * Server code should use getDb() from lib/db/client.ts; scripts and tests use this file.
 */
import fs from "node:fs";
import path from "node:path";
import { PrismaClient } from "./generated/client";
import { applyMigrations, projectRoot } from "./schema-engine";
import { pgAdapterFactory, pgliteAdapterFactory } from "./adapters";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { PGlite } from "@electric-sql/pglite";
import { readEnv } from "@/lib/env";

export type Db = PrismaClient;
export type DbKind = "pglite" | "postgres";

export interface OpenOptions {
  /** PostgreSQL connection string; default the DATABASE_URL variable. Pass null to force PGlite. */
  databaseUrl?: string | null;
  /** PGlite data folder; default LANTERN_DATA_DIR or ./data/pglite. */
  dataDir?: string;
  /** PGlite in memory (tests). */
  memory?: boolean;
  /** An already created PGlite instance to use (tests: loaded from a template); closed by close(). */
  pglite?: PGlite;
  /** Apply committed migrations after opening (default true). */
  migrate?: boolean;
  /** Log Prisma queries (default false). */
  logQueries?: boolean;
  /** node-postgres pool size (default 10). */
  poolSize?: number;
}

export interface DbHandle {
  prisma: PrismaClient;
  kind: DbKind;
  /** Human description without secrets, e.g. "PGlite at ./data/pglite" or "PostgreSQL at host:5432/db". */
  where: string;
  /** Names of migrations applied by this open (empty if up to date or migrate: false). */
  appliedMigrations: string[];
  /** The driver adapter factory (for the schema engine). */
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  /** The PGlite instance when kind === "pglite". */
  pglite?: PGlite;
  close(): Promise<void>;
}

/** A start-up problem with the database, with a message meant for the operator. */
export class DatabaseStartupError extends Error {
  override name = "DatabaseStartupError";
}

export function defaultDataDir(): string {
  return path.resolve(projectRoot(), readEnv().LANTERN_DATA_DIR || "data/pglite");
}

/** Strips credentials from a URL for messages. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `PostgreSQL at ${u.hostname}${u.port ? ":" + u.port : ""}${u.pathname}`;
  } catch {
    return "PostgreSQL (unparsable DATABASE_URL)";
  }
}

export async function openDatabase(opts: OpenOptions = {}): Promise<DbHandle> {
  const url =
    opts.pglite || opts.memory
      ? undefined
      : opts.databaseUrl === undefined
        ? readEnv().DATABASE_URL || undefined
        : opts.databaseUrl || undefined;
  const handle = url ? await openPostgres(url, opts) : await openPglite(opts);
  if (opts.migrate !== false) {
    try {
      handle.appliedMigrations = await applyMigrations(handle.adapterFactory);
    } catch (err) {
      await handle.close().catch(() => {});
      throw new DatabaseStartupError(
        `Could not apply the database migrations to ${handle.where}: ${(err as Error).message}`,
        { cause: err },
      );
    }
  }
  return handle;
}

function prismaFor(adapter: SqlMigrationAwareDriverAdapterFactory, opts: OpenOptions): PrismaClient {
  return new PrismaClient({
    // The generated client types want the adapter factory type of its own driver-adapter-utils copy.
    adapter: adapter as never,
    // Errors are thrown to the caller (and logged there); only warnings are printed here.
    log: opts.logQueries ? ["query", "warn", "error"] : ["warn"],
  });
}

async function openPostgres(url: string, opts: OpenOptions): Promise<DbHandle> {
  const where = describeUrl(url);
  const factory = await pgAdapterFactory(url, { max: opts.poolSize ?? 10 });
  const prisma = prismaFor(factory, opts);
  try {
    await prisma.$queryRawUnsafe("SELECT 1");
  } catch (err) {
    await prisma.$disconnect().catch(() => {});
    throw new DatabaseStartupError(`Cannot connect to ${where} (DATABASE_URL): ${(err as Error).message}`, {
      cause: err,
    });
  }
  return {
    prisma,
    kind: "postgres",
    where,
    appliedMigrations: [],
    adapterFactory: factory,
    close: () => prisma.$disconnect(),
  };
}

async function openPglite(opts: OpenOptions): Promise<DbHandle> {
  const { PGlite } = await import("@electric-sql/pglite");
  let pg: PGlite;
  let where: string;
  let releaseLock = () => {};
  if (opts.pglite) {
    where = "PGlite (given instance)";
    pg = opts.pglite;
  } else if (opts.memory) {
    where = "PGlite in memory";
    pg = new PGlite();
  } else {
    const dir = opts.dataDir ?? defaultDataDir();
    const rel = path.relative(process.cwd(), dir);
    where = `PGlite at ${rel && !rel.startsWith("..") ? rel : dir}`;
    releaseLock = lockDataDir(dir);
    pg = new PGlite({ dataDir: dir });
  }
  try {
    await pg.waitReady;
    await pg.query("SELECT 1");
  } catch (err) {
    releaseLock();
    await pg.close().catch(() => {});
    throw new DatabaseStartupError(
      `The embedded database (${where}) could not be opened; the folder may be damaged or from another PGlite version. ` +
        `Stop the app, move the folder aside (or restore a backup), and start again; or set DATABASE_URL to use a PostgreSQL server. ` +
        `Cause: ${(err as Error)?.message ?? String(err)}`,
      { cause: err },
    );
  }
  const factory = await pgliteAdapterFactory(pg);
  const prisma = prismaFor(factory, opts);
  let closed = false;
  return {
    prisma,
    kind: "pglite",
    where,
    appliedMigrations: [],
    adapterFactory: factory,
    pglite: pg,
    async close() {
      if (closed) return;
      closed = true;
      await prisma.$disconnect().catch(() => {});
      await pg.close().catch(() => {});
      releaseLock();
    },
  };
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Takes <dir>/.lantern.lock for this process. A lock held by a live other process
 * is refused with a clear message; a stale one (dead pid) is taken over.
 */
export function lockDataDir(dir: string): () => void {
  try {
    fs.mkdirSync(/* turbopackIgnore: true */ dir, { recursive: true });
  } catch (err) {
    throw new DatabaseStartupError(
      `Cannot create the embedded database folder ${dir} (LANTERN_DATA_DIR): ${(err as Error).message}`,
    );
  }
  // Keep the data out of git even if .gitignore is missing.
  const parent = path.dirname(dir);
  if (!fs.existsSync(/* turbopackIgnore: true */ path.join(parent, ".gitignore")) && path.basename(parent) === "data") {
    try {
      fs.writeFileSync(/* turbopackIgnore: true */ path.join(parent, ".gitignore"), "*\n");
    } catch {
      /* not important */
    }
  }
  const lock = path.join(dir, ".lantern.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(/* turbopackIgnore: true */ lock, String(process.pid), { flag: "wx" });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off("exit", release);
        try {
          if (fs.readFileSync(/* turbopackIgnore: true */ lock, "utf8") === String(process.pid)) fs.unlinkSync(/* turbopackIgnore: true */ lock);
        } catch {
          /* already gone */
        }
      };
      process.on("exit", release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") {
        throw new DatabaseStartupError(`Cannot write the lock file ${lock}: ${(err as Error).message}`);
      }
      const owner = Number.parseInt(fs.readFileSync(/* turbopackIgnore: true */ lock, "utf8").trim(), 10);
      if (Number.isFinite(owner) && owner !== process.pid && pidAlive(owner)) {
        throw new DatabaseStartupError(
          `The embedded database folder ${dir} is in use by another process (pid ${owner}). ` +
            `PGlite allows one process at a time: stop the other Lantern process (server, migration or CLI), ` +
            `or set DATABASE_URL to use a PostgreSQL server.`,
        );
      }
      if (owner === process.pid) {
        throw new DatabaseStartupError(
          `The embedded database folder ${dir} is already open in this process; use the shared client (getDb()).`,
        );
      }
      fs.rmSync(/* turbopackIgnore: true */ lock, { force: true }); // stale lock from a dead process
    }
  }
  throw new DatabaseStartupError(`Could not lock the embedded database folder ${dir}.`);
}
