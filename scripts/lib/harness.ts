// Shared by the load bench and the fault drills: a fresh database on a real PostgreSQL server, the
// production build, a `next start` child process on loopback, and a signed-in staff session.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import path from "node:path";
import pg from "pg";

export function log(message: string) {
  process.stdout.write(`[${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

/** Runs a command in the project, quietly; prints the tail of its output if it fails. */
export function run(dir: string, command: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  try {
    return execFileSync(command, args, { cwd: dir, env, stdio: "pipe", maxBuffer: 64 * 1024 * 1024 }).toString();
  } catch (err) {
    const e = err as { stdout?: Buffer; stderr?: Buffer };
    process.stderr.write(`${e.stdout?.toString().slice(-4000) ?? ""}\n${e.stderr?.toString().slice(-4000) ?? ""}\n`);
    throw new Error(`${command} ${args.join(" ")} failed`);
  }
}

export function build(dir: string) {
  log("building the production app (next build)...");
  run(dir, path.join(dir, "node_modules/.bin/next"), ["build"], { ...process.env, NODE_ENV: "production" });
}

/** Drops and creates `name` on the server `adminUrl` points at; returns the new database's URL. */
export async function freshDatabase(adminUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    // FORCE cannot end an autovacuum worker busy on the last run's database (it is not ours): wait and retry.
    for (let attempt = 1; ; attempt++) {
      try {
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        break;
      } catch (err) {
        if (attempt >= 10 || (err as { code?: string }).code !== "42501") throw err;
        await new Promise((r) => setTimeout(r, 1_000));
      }
    }
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export function migrate(dir: string, databaseUrl: string) {
  run(dir, "npm", ["run", "-s", "db:migrate"], { ...process.env, DATABASE_URL: databaseUrl });
}

export function addStaff(dir: string, databaseUrl: string, email: string, role: "clinician" | "admin" | "outreach"): string {
  const password = `Bench-${randomBytes(12).toString("base64url")}`;
  run(dir, "npm", ["run", "-s", "user", "--", "add", "--email", email, "--role", role, "--password", password], {
    ...process.env,
    DATABASE_URL: databaseUrl,
  });
  return password;
}

export interface Server {
  url: string;
  child: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

export function productionEnv(extra: Record<string, string | undefined>): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    AUTH_SECRET: randomBytes(48).toString("base64url"),
    AUTH_TRUST_HOST: "true",
    LOG_LEVEL: "warn",
    // as `npm start` runs it (scripts/start.mjs)
    NODE_OPTIONS: [process.env.NODE_OPTIONS, "--max-semi-space-size=64"].filter(Boolean).join(" "),
    ...extra,
  };
}

export interface StartOptions {
  timeoutMs?: number;
  /**
   * "next-start": a bare `next start` (the single-instance bench and the drills); "serve": scripts/serve.mjs, the
   * production front server behind `npm start` (client address from the socket or TRUSTED_PROXY_HOPS, graceful stop).
   */
  entry?: "next-start" | "serve";
  /** When the server counts as up; default: /api/health answers 2xx. */
  ready?: (url: string) => Promise<boolean>;
}

const healthy = async (url: string) => (await fetch(`${url}/api/health`)).ok;

/** A production server on 127.0.0.1:port; resolves once it is ready (by default, once /api/health answers). */
export async function startServer(dir: string, port: number, env: NodeJS.ProcessEnv, options: StartOptions = {}): Promise<Server> {
  const { timeoutMs = 60_000, entry = "next-start", ready = healthy } = options;
  const url = `http://127.0.0.1:${port}`;
  let output = "";
  // BENCH_SERVER_NODE_ARGS: extra node flags for the server only, e.g. "--require ./profile-hook.cjs" to profile it
  // (NODE_OPTIONS refuses --cpu-prof, and would reach the load driver too).
  const nodeArgs = process.env.BENCH_SERVER_NODE_ARGS ? process.env.BENCH_SERVER_NODE_ARGS.split(" ") : [];
  const entryArgs =
    entry === "serve"
      ? [path.join(dir, "scripts/serve.mjs")]
      : [path.join(dir, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"];
  const child = spawn(process.execPath, [...nodeArgs, ...entryArgs], {
    cwd: dir,
    // HOSTNAME is read by serve.mjs (and is often the machine's name in the inherited environment).
    env: { ...env, AUTH_URL: url, PORT: String(port), HOSTNAME: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  const exited = once(child, "exit");
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}:\n${output.slice(-3000)}`);
    try {
      if (await ready(url)) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`server did not become ready in ${timeoutMs} ms:\n${output.slice(-3000)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    child,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Signs a staff member in through Auth.js's credentials endpoint; returns the Cookie header to send. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const [k, ...v] = pair!.split("=");
      jar.set(k!.trim(), v.join("="));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrfRes = await fetch(`${baseUrl}/api/auth/csrf`);
  keep(csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie(), origin: baseUrl },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${baseUrl}/review` }),
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error(`sign-in as ${email} failed (status ${res.status})`);
  return cookie();
}

export async function countCases(databaseUrl: string): Promise<Set<string>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ submissionKey: string }>('SELECT "submissionKey" FROM "Case"');
    return new Set(rows.map((r) => r.submissionKey));
  } finally {
    await client.end();
  }
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}
