import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { SelfCheckPage } from "./self-check.page";

// The production front server (scripts/serve.mjs) with DEFAULT limits, started for this file alone: the suite's
// own server raises the self-check limit for its many browser tests. One client spoofing X-Forwarded-For on every
// request is still one client, and the limit answers with the crisis lines, on the API and on the page alike.
const PORT = Number(process.env.E2E_IDENTITY_PORT ?? 3197);
const base = `http://127.0.0.1:${PORT}`;
let server: ChildProcess;

test.beforeAll(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "lantern-e2e-identity-"));
  const env: Record<string, string | undefined> = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("RATE_LIMIT_") && k !== "DATABASE_URL" && k !== "TRUSTED_PROXY_HOPS"));
  Object.assign(env, {
    PORT: String(PORT),
    HOSTNAME: "127.0.0.1",
    NODE_ENV: "production",
    LANTERN_DATA_DIR: path.join(dir, "pglite"),
    LANTERN_OUTBOX_DIR: path.join(dir, "outbox"),
    AUTH_SECRET: "e2e-identity-secret-0123456789abcdef0123456789",
    AUTH_TRUST_HOST: "true",
    AUTH_URL: base,
    LLM_PROVIDER: "offline",
  });
  server = spawn(process.execPath, [path.resolve("scripts/serve.mjs")], { env: env as NodeJS.ProcessEnv, stdio: "ignore" });
  for (let i = 0; i < 120; i++) {
    const up = await fetch(`${base}/api/health`).then((r) => r.ok, () => false);
    if (up) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the second server did not start");
});

test.afterAll(() => {
  server?.kill("SIGTERM");
});

// Words the check refuses (one 501-letter word) after the limit is counted: the model never runs.
const refusedWords = { text: "a".repeat(501), country: "GB" };

test("30 requests with 30 spoofed X-Forwarded-For values from one client: limited after 20, with Retry-After and the crisis lines", async () => {
  const statuses: number[] = [];
  let limited: { status: number; retryAfter: string | null; body: { crisisLines?: { id: string }[]; message?: string } } | undefined;
  for (let i = 0; i < 30; i++) {
    const res = await fetch(`${base}/api/self-check`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-forwarded-for": `203.0.113.${i}, 198.51.100.${i}`,
        "x-real-ip": `192.0.2.${i}`,
        "x-lantern-client-address": `192.0.2.${100 + i}`,
      },
      body: JSON.stringify({ ...refusedWords, submissionKey: randomUUID() }),
    });
    statuses.push(res.status);
    if (res.status === 429 && !limited) limited = { status: 429, retryAfter: res.headers.get("retry-after"), body: await res.json() };
    else await res.arrayBuffer();
  }
  expect(statuses.slice(0, 20)).toEqual(Array(20).fill(400));
  expect(statuses.slice(20)).toEqual(Array(10).fill(429));
  expect(Number(limited!.retryAfter)).toBeGreaterThan(0);
  expect(limited!.body.crisisLines?.map((l) => l.id)).toEqual(["gb-ie-samaritans", "gb-shout", "gb-nhs-111-mental-health"]);
  expect(limited!.body.message).toMatch(/crisis lines/);
});

test("the page, from the same client, is limited too and shows the crisis card", async ({ page }) => {
  const check = new SelfCheckPage(page);
  await page.goto(`${base}/`);
  await check.check({ text: "I have not been sleeping and everything feels heavy lately.", country: "GB" });
  await expect(check.crisisCard).toBeVisible();
  await expect(check.message).toContainText(/paused new checks/);
  await expect(check.crisisCard).toContainText(/Samaritans/);
});

test("no 5xx for any bad body; every refusal carries the crisis lines", async () => {
  const bodies: [string, string][] = [
    ["not json", "text/plain"],
    ["{", "application/json"],
    [JSON.stringify({ text: "x".repeat(70_000) }), "application/json"],
    [JSON.stringify([1, 2, 3]), "application/json"],
    ["", "application/json"],
  ];
  for (const path of ["/api/self-check", "/api/self-check/save"]) {
    for (const [body, type] of bodies) {
      const res = await fetch(`${base}${path}`, { method: "POST", headers: { "content-type": type, "accept-language": "en-AU" }, body });
      expect(res.status, `${path} ${body.slice(0, 20)}`).toBeGreaterThanOrEqual(400);
      expect(res.status, `${path} ${body.slice(0, 20)}`).toBeLessThan(500);
      const json = (await res.json()) as { crisisLines?: { id: string }[] };
      expect(json.crisisLines?.[0]?.id).toBe("au-lifeline");
    }
  }
});
