import { describe, expect, it } from "vitest";
import { readMigrations } from "@/lib/db/schema-engine";
import { forEachDatabase } from "@/test/support/db";
import { checkReadiness, type ReadinessSources } from "./readiness";

// Readiness against real databases (PGlite and PostgreSQL): each check fails on its own cause and names only itself.
const committed = async () => readMigrations().migrationDirectories.map((d) => d.path);

forEachDatabase((getDb) => {
  const sources = (over: Partial<ReadinessSources> = {}): ReadinessSources => ({
    db: async () => getDb(),
    committedMigrations: committed,
    modelState: () => "ready",
    shuttingDown: () => false,
    ...over,
  });

  it("is ready on a migrated database with the model loaded", async () => {
    expect(await checkReadiness(sources())).toEqual({ ready: true, failed: [] });
  });

  it("names the migrations when a committed one is not applied, and not when the database has a newer one", async () => {
    const names = await committed();
    expect(await checkReadiness(sources({ committedMigrations: async () => [...names, "29991231000000_from_the_future"] }))).toEqual({
      ready: false,
      failed: ["migrations"],
    });
    // A rolling upgrade: the database already has a migration this code does not know about.
    expect(await checkReadiness(sources({ committedMigrations: async () => names.slice(0, -1) }))).toEqual({ ready: true, failed: [] });
  });

  it("names the migrations when the database was never migrated (no _prisma_migrations table)", async () => {
    const db = getDb();
    const renamed = "_prisma_migrations_aside";
    await db.$executeRawUnsafe(`ALTER TABLE _prisma_migrations RENAME TO ${renamed}`);
    try {
      expect(await checkReadiness(sources())).toEqual({ ready: false, failed: ["migrations"] });
    } finally {
      await db.$executeRawUnsafe(`ALTER TABLE ${renamed} RENAME TO _prisma_migrations`);
    }
  });
});

describe("readiness without a database", () => {
  const base: ReadinessSources = {
    db: async () => {
      throw new Error("connect ECONNREFUSED 10.0.0.7:5432 password=hunter2");
    },
    committedMigrations: committed,
    modelState: () => "ready",
    shuttingDown: () => false,
  };

  it("names the database and nothing of its error", async () => {
    const state = await checkReadiness(base);
    expect(state).toEqual({ ready: false, failed: ["database"] });
    expect(JSON.stringify(state)).not.toMatch(/10\.0\.0\.7|hunter2|ECONNREFUSED/);
  });

  it("answers within its timeout when the database never answers", async () => {
    const started = Date.now();
    const state = await checkReadiness({ ...base, db: () => new Promise(() => {}), timeoutMs: 300 });
    expect(state.failed).toEqual(["database"]);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("names the model while it loads or after it failed, together with any other failed check", async () => {
    expect((await checkReadiness({ ...base, modelState: () => "loading" })).failed).toEqual(["database", "model"]);
    expect((await checkReadiness({ ...base, modelState: () => "failed" })).failed).toEqual(["database", "model"]);
  });

  it("says only 'shutdown' once the process is stopping, without touching the database", async () => {
    let asked = false;
    const state = await checkReadiness({
      ...base,
      shuttingDown: () => true,
      db: async () => {
        asked = true;
        throw new Error("not reached");
      },
    });
    expect(state).toEqual({ ready: false, failed: ["shutdown"] });
    expect(asked).toBe(false);
  });
});
