// Starts everything the browser tests need, then the production Next server in the foreground.
// Each file in ./servers exports `start()` -> Promise<Record<string,string>> (env vars for the app),
// so features add their own local fakes (link fixtures, an OpenAI-compatible LLM) without editing this file.
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

const root = path.resolve(import.meta.dirname, "../..");
const port = process.env.E2E_PORT ?? "3100";
const env = { ...process.env, PORT: port, HOSTNAME: "127.0.0.1", NODE_ENV: "production", LANTERN_E2E: "1" };

env.AUTH_SECRET ??= "e2e-only-secret-0123456789abcdef0123456789abcdef";
env.AUTH_TRUST_HOST = "true";
env.AUTH_URL = `http://127.0.0.1:${port}`;

if (process.env.TEST_DATABASE_URL) {
  // A fresh database on the real PostgreSQL server for every run, named for the role that creates it and the port,
  // so runs by different roles, or by one role on different ports, never drop each other's database.
  const { default: pg } = await import("pg");
  const url = new URL(process.env.TEST_DATABASE_URL);
  const name = `lantern_e2e_${decodeURIComponent(url.username || "local").replace(/[^a-z0-9_]/gi, "_")}_${port}`.toLowerCase();
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  // No WITH (FORCE): a role with only CREATEDB (as in CI) may not terminate an autovacuum worker, while a
  // plain DROP asks it to stop. Our own role's sessions left from an earlier run we may end ourselves.
  for (let attempt = 1; ; attempt++) {
    await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND usename = current_user AND pid <> pg_backend_pid()", [name]);
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${name}`);
      break;
    } catch (err) {
      if (attempt >= 8 || err?.code !== "55006") throw err;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  url.pathname = `/${name}`;
  env.DATABASE_URL = url.toString();
  // The seeding step in ./servers reads it from here (same process).
  process.env.LANTERN_E2E_DATABASE_URL = env.DATABASE_URL;
} else {
  delete env.DATABASE_URL;
  env.LANTERN_DATA_DIR = mkdtempSync(path.join(tmpdir(), "lantern-e2e-"));
}

const serversDir = path.join(import.meta.dirname, "servers");
for (const file of readdirSync(serversDir).filter((f) => f.endsWith(".mjs")).sort()) {
  const mod = await import(pathToFileURL(path.join(serversDir, file)).href);
  Object.assign(env, await mod.start());
}

execFileSync("npm", ["run", "-s", "db:migrate"], { cwd: root, env, stdio: "inherit" });

// Shared with global setup (which seeds users) through a file, since Playwright runs it in another process.
const { writeFileSync, mkdirSync } = await import("node:fs");
mkdirSync(path.join(root, "test-results"), { recursive: true });
writeFileSync(
  path.join(root, "test-results", "e2e-env.json"),
  JSON.stringify({ DATABASE_URL: env.DATABASE_URL, LANTERN_DATA_DIR: env.LANTERN_DATA_DIR }),
);

// Through the same front server as `npm start`, so client addresses come from the socket as in production.
const next = spawn(process.execPath, [path.join(root, "scripts/serve.mjs")], {
  cwd: root,
  env,
  stdio: "inherit",
});
const stop = () => next.kill("SIGTERM");
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
next.on("exit", (code) => process.exit(code ?? 0));
