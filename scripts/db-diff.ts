/**
 * `npm run db:diff -- <name>`: after editing prisma/schema.prisma, writes the SQL that
 * takes the committed migrations to the schema as prisma/migrations/<timestamp>_<name>/migration.sql
 * (offline: wasm schema engine, with an in-memory PGlite as the shadow database).
 * Like `prisma migrate dev --create-only`. Review the SQL, then `npm run db:migrate`.
 *
 *   npm run db:diff -- add_case_language      # write a new migration
 *   npm run db:diff -- --check                # exit 1 if schema and migrations differ (CI guard)
 *
 * With the native Prisma engines available, the equivalent is
 *   npx prisma migrate diff --from-migrations prisma/migrations --to-schema prisma/schema.prisma --script
 */
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pgliteAdapterFactory } from "../lib/db/adapters";
import { diffSql, migrationsDir, readMigrations, schemaTarget } from "../lib/db/schema-engine";

async function main() {
  const args = process.argv.slice(2);
  const check = args.includes("--check");
  const name = args.find((a) => !a.startsWith("--"));
  if (!check && (!name || !/^[a-z0-9_]+$/.test(name))) {
    console.error("usage: npm run db:diff -- <migration_name (a-z, 0-9, _)> | --check");
    process.exit(2);
  }
  const pg = new PGlite();
  try {
    const factory = await pgliteAdapterFactory(pg);
    const sql = await diffSql(factory, { tag: "migrations", ...readMigrations() }, schemaTarget());
    const empty = !sql.trim() || /^-- This is an empty migration\.?\s*$/.test(sql.trim());
    if (check) {
      if (empty) {
        console.log("db:diff: prisma/schema.prisma matches prisma/migrations");
        return 0;
      }
      console.error("db:diff: prisma/schema.prisma differs from prisma/migrations; missing SQL:\n" + sql);
      return 1;
    }
    if (empty) {
      console.log("db:diff: no changes: prisma/schema.prisma matches prisma/migrations");
      return 0;
    }
    const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
    const dir = path.join(migrationsDir(), `${stamp}_${name}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "migration.sql"), sql);
    console.log(`db:diff: wrote ${path.relative(process.cwd(), dir)}/migration.sql:\n\n${sql}`);
    return 0;
  } finally {
    await pg.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error("db:diff failed:", err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
