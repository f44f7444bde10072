/**
 * Guard: prisma/schema.prisma and prisma/migrations describe the same database.
 * If this fails, run `npm run db:diff -- <name>` and commit the new migration.
 */
import { PGlite } from "@electric-sql/pglite";
import { expect, it } from "vitest";
import { pgliteAdapterFactory } from "./adapters";
import { diffSql, readMigrations, schemaTarget } from "./schema-engine";

it("schema.prisma matches the committed migrations (else: npm run db:diff -- <name>)", async () => {
  const pg = new PGlite(); // the engine makes its own in-memory shadow database for the migrations
  try {
    const sql = await diffSql(await pgliteAdapterFactory(pg), { tag: "migrations", ...readMigrations() }, schemaTarget());
    expect(sql.replace(/^-- This is an empty migration\.?\s*$/m, "").trim()).toBe("");
  } finally {
    await pg.close();
  }
}, 120_000);
