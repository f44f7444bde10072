// Seeds staff accounts and review cases before the server starts (PGlite allows one
// process at a time, so seeding cannot wait for global setup). Uses the same database
// start-server.mjs chose: the fresh lantern_e2e_<role>_<port> database on PostgreSQL, or, for PGlite,
// a data folder created here and handed to the server through LANTERN_DATA_DIR.
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../../..");

export async function start() {
  const env = { ...process.env };
  const out = {};
  if (process.env.TEST_DATABASE_URL) {
    env.DATABASE_URL = process.env.LANTERN_E2E_DATABASE_URL; // created empty by start-server.mjs just before
  } else {
    delete env.DATABASE_URL;
    env.LANTERN_DATA_DIR = mkdtempSync(path.join(tmpdir(), "lantern-e2e-staff-"));
    out.LANTERN_DATA_DIR = env.LANTERN_DATA_DIR;
  }
  execFileSync(path.join(root, "node_modules/.bin/tsx"), ["--conditions=react-server", "e2e/support/staff/seed.ts"], {
    cwd: root,
    env,
    stdio: "inherit",
  });
  return out;
}
