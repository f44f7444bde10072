import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { once } from "node:events";
import { mkdtempSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import pg from "pg";

// Two production front servers (scripts/serve.mjs) on one PostgreSQL database, with the same AUTH_SECRET and the
// DEFAULT limits, as two replicas behind a load balancer would run. A client alternating between them is limited
// after the same 20 self-checks as on one instance, by both, with the crisis lines.
const adminUrl = process.env.TEST_DATABASE_URL;
const bases: string[] = [];
const dbName = `lantern_e2e_two_${process.pid}`;
let databaseUrl = "";
const servers: ChildProcess[] = [];

test.skip(!adminUrl, "needs a PostgreSQL server (TEST_DATABASE_URL)");

// Ports the system hands out free, so the two instances never meet another session's server on a fixed number.
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function admin<T>(run: (client: pg.Client) => Promise<T>, url = adminUrl!): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  await admin((c) => c.query(`CREATE DATABASE ${dbName}`));
  const u = new URL(adminUrl!);
  u.pathname = `/${dbName}`;
  databaseUrl = u.toString();
  const shared = {
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    LANTERN_INSTANCES: "2",
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    AUTH_TRUST_HOST: "true",
    LLM_PROVIDER: "offline",
  };
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("RATE_LIMIT_") && !["DATABASE_URL", "TRUSTED_PROXY_HOPS", "LANTERN_DATA_DIR"].includes(k)));
  // Migrated once before either starts, as a deployment's release step would.
  execFileSync("npm", ["run", "-s", "db:migrate"], { env: { ...inherited, ...shared } as NodeJS.ProcessEnv, stdio: "pipe" });
  for (const i of [0, 1]) {
    const port = await freePort();
    bases.push(`http://127.0.0.1:${port}`);
    const dir = mkdtempSync(path.join(tmpdir(), `lantern-e2e-instance-${i}-`));
    const env = { ...inherited, ...shared, PORT: String(port), HOSTNAME: "127.0.0.1", AUTH_URL: bases[i]!, LANTERN_OUTBOX_DIR: path.join(dir, "outbox") };
    servers.push(spawn(process.execPath, [path.resolve("scripts/serve.mjs")], { env: env as NodeJS.ProcessEnv, stdio: "ignore" }));
  }
  for (const [n, base] of bases.entries()) {
    for (let i = 0; ; i++) {
      if (servers[n]!.exitCode !== null) throw new Error(`the instance for ${base} exited with ${servers[n]!.exitCode}`);
      if (await fetch(`${base}/api/health`).then((r) => r.ok, () => false)) break;
      if (i >= 120) throw new Error(`the instance at ${base} did not start`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }
});

test.afterAll(async () => {
  await Promise.all(servers.map(async (s) => (s.exitCode === null && s.kill("SIGTERM") ? once(s, "exit") : null)));
  if (adminUrl) await admin((c) => c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`)).catch(() => {});
});

// Words the check refuses (one 501-letter word) after the limit is counted: the model never runs.
const refusedWords = { text: "a".repeat(501), country: "GB" };

test("a client alternating between the two instances is limited after the same 20 self-checks, by both", async () => {
  const answers: { instance: number; status: number; crisisLines?: string[] }[] = [];
  for (let i = 0; i < 30; i++) {
    const instance = i % 2;
    const res = await fetch(`${bases[instance]}/api/self-check`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ ...refusedWords, submissionKey: randomUUID() }),
    });
    const body = (await res.json()) as { crisisLines?: { id: string }[] };
    answers.push({ instance, status: res.status, crisisLines: body.crisisLines?.map((l) => l.id) });
  }
  expect(answers.slice(0, 20).map((a) => a.status)).toEqual(Array(20).fill(400));
  expect(answers.slice(20).map((a) => a.status)).toEqual(Array(10).fill(429));
  // Both instances refuse, each with the crisis lines.
  expect(new Set(answers.slice(20).map((a) => a.instance))).toEqual(new Set([0, 1]));
  for (const a of answers.slice(20)) expect(a.crisisLines).toEqual(["gb-ie-samaritans", "gb-shout", "gb-nhs-111-mental-health"]);

  // One count for the client, in the shared table, under a keyed hash (never the address).
  const { rows } = await admin((c) => c.query<{ key: string; points: number }>(`SELECT key, points FROM "RateLimit" WHERE key LIKE 'self-check:%'`), databaseUrl);
  expect(rows).toHaveLength(1);
  expect(rows[0]!.points).toBe(30);
  expect(rows[0]!.key).toMatch(/^self-check:[A-Za-z0-9_-]{22}$/);
});
