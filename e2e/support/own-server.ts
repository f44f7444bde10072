// A production server of its own for a spec that must signal or reconfigure it (the shared one from
// playwright.config.ts serves every other spec): scripts/serve.mjs on a free port, on a fresh PostgreSQL database
// when TEST_DATABASE_URL is set (as the shared server), on a fresh embedded database otherwise.
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import http from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";

const root = path.resolve(import.meta.dirname, "../..");

export interface OwnServer {
  url: string;
  child: ChildProcess;
  output: () => string;
  /** The exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  dispose: () => Promise<void>;
}

async function dropDatabase(admin: pg.Client, name: string) {
  await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND usename = current_user AND pid <> pg_backend_pid()", [name]);
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
}

async function withAdmin(work: (admin: pg.Client) => Promise<void>) {
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  try {
    await work(admin);
  } finally {
    await admin.end();
  }
}

async function freshDatabase(name: string): Promise<string> {
  await withAdmin(async (admin) => {
    await dropDatabase(admin, name);
    await admin.query(`CREATE DATABASE ${name}`);
  });
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function startOwnServer(label: string, extraEnv: Record<string, string>): Promise<OwnServer> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PORT: "0",
    HOSTNAME: "127.0.0.1",
    AUTH_SECRET: "e2e-only-secret-0123456789abcdef0123456789abcdef",
    AUTH_TRUST_HOST: "true",
    LOG_LEVEL: "warn",
    ...extraEnv,
  };
  const dataDir = mkdtempSync(path.join(tmpdir(), `lantern-${label}-`));
  let database: string | undefined;
  if (process.env.TEST_DATABASE_URL) {
    const role = decodeURIComponent(new URL(process.env.TEST_DATABASE_URL).username || "local").replace(/[^a-z0-9_]/gi, "_");
    database = `lantern_e2e_${label}_${role}_${process.pid}`.toLowerCase();
    env.DATABASE_URL = await freshDatabase(database);
  } else delete env.DATABASE_URL;
  env.LANTERN_DATA_DIR = path.join(dataDir, "pglite");

  const child = spawn(process.execPath, [path.join(root, "scripts/serve.mjs")], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  const exited = once(child, "exit").then(([code]) => code as number | null);

  const deadline = Date.now() + 90_000;
  let url = "";
  while (!url) {
    const m = /ready on (http:\/\/[\d.]+:\d+)/.exec(output);
    if (m) url = m[1]!;
    else if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output.slice(-3000)}`);
    else if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`server did not start:\n${output.slice(-3000)}`);
    } else await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    child,
    output: () => output,
    exited,
    dispose: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGKILL");
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
      if (database) await withAdmin((admin) => dropDatabase(admin, database));
    },
  };
}

/** Polls /api/ready until it answers 200 (the model loaded, the database migrated). */
export async function waitUntilReady(url: string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await fetch(`${url}/api/ready`).then((r) => r.status, () => 0);
    if (status === 200) return;
    if (Date.now() > deadline) throw new Error(`${url}/api/ready still answers ${status}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The error code of a new connection to `url` ("ECONNREFUSED" once the listener is closed), or "connected". */
export function connectOutcome(url: string): Promise<string> {
  return new Promise((resolve) => {
    // A new connection every time (no agent): a pooled one would not show whether the listener still accepts.
    const req = http.get(`${url}/api/health`, { agent: false }, (res) => {
      res.resume();
      res.on("end", () => resolve("connected"));
    });
    req.on("error", (err: NodeJS.ErrnoException) => resolve(err.code ?? "error"));
  });
}
