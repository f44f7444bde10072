import { describe, expect, it } from "vitest";
import { createTestDatabase } from "./db";

// The teardown must work for a role like CI's (LOGIN CREATEDB, no pg_signal_backend), so it may not rely on
// DROP DATABASE ... WITH (FORCE); a connection of our own role left open must not keep the database alive.
describe.runIf(!!process.env.TEST_DATABASE_URL)("test database teardown on PostgreSQL", () => {
  it("drops the database even with a connection of our own role still open", async () => {
    const pg = (await import("pg")).default;
    const db = await createTestDatabase("postgres");
    const name = new URL(db.url!).pathname.slice(1);
    const leaked = new pg.Client({ connectionString: db.url });
    leaked.on("error", () => {}); // it is terminated on purpose
    await leaked.connect();
    await leaked.query("SELECT 1");

    await db.dispose();

    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    try {
      const { rows } = await admin.query("SELECT count(*)::int AS n FROM pg_database WHERE datname = $1", [name]);
      expect(rows[0].n).toBe(0);
    } finally {
      await admin.end();
    }
    await expect(leaked.query("SELECT 1")).rejects.toThrow();
    await leaked.end().catch(() => {});
  });
});
