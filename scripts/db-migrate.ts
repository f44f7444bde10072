/**
 * `npm run db:migrate`: applies the committed migrations (prisma/migrations) to the
 * configured database, offline, like `prisma migrate deploy`:
 *   - DATABASE_URL set -> that PostgreSQL server
 *   - otherwise        -> the embedded PGlite folder (LANTERN_DATA_DIR, default ./data/pglite)
 * With the native Prisma engines available, `npx prisma migrate deploy` is equivalent
 * (for DATABASE_URL; both record _prisma_migrations the same way).
 */
import { openDatabase, DatabaseStartupError } from "../lib/db/connect";

async function main() {
  const started = Date.now();
  const db = await openDatabase({ migrate: true });
  try {
    const applied = db.appliedMigrations;
    if (applied.length) console.log(`db:migrate: applied ${applied.length} migration(s) to ${db.where}: ${applied.join(", ")}`);
    else console.log(`db:migrate: ${db.where} is up to date`);
    console.log(`db:migrate: done in ${Date.now() - started} ms`);
  } finally {
    await db.close();
  }
}

// The wasm schema engine leaves a ~10 s timer behind: exit explicitly.
main().then(() => process.exit(0), (err) => {
  if (err instanceof DatabaseStartupError) console.error(`db:migrate: ${err.message}`);
  else console.error("db:migrate failed:", err);
  process.exit(1);
});
