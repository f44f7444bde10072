import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";

// The two public JSON routes as a script meets them: every refusal is a 4xx that still carries the crisis lines for
// the person's country, limits answer 429 with Retry-After, and nothing is ever a 5xx. Default self-check limits;
// the save limit is lowered so the test stays short. Requests are stamped as the front server stamps them.
const dir = mkdtempSync(path.join(tmpdir(), "lantern-api-test-"));
Object.assign(process.env, {
  LANTERN_FRONT_SERVER: "1",
  LANTERN_DATA_DIR: path.join(dir, "pglite"),
  LANTERN_OUTBOX_DIR: path.join(dir, "outbox"),
  RATE_LIMIT_SAVE_MAX: "2",
  // The first save opens and migrates a fresh PGlite.
  LANTERN_SAVE_TIMEOUT_MS: "60000",
});
// The first check loads the model and the first save creates and migrates a PGlite (13.7 s for the save test
// measured under a load of 7 on the 2-core dev machine); the save's own timeout above is 60 s, so the test's must
// be longer than that for a slow save to fail on its own message.
vi.setConfig({ testTimeout: 120_000 });
const LONG_WORD = "a".repeat(501);

type Routes = { check: typeof import("@/app/api/self-check/route").POST; save: typeof import("@/app/api/self-check/save/route").POST };
let routes: Routes;
let issueReceipt: typeof import("@/lib/self-check/receipt").issueReceipt;
beforeAll(async () => {
  routes = { check: (await import("@/app/api/self-check/route")).POST, save: (await import("@/app/api/self-check/save/route")).POST };
  ({ issueReceipt } = await import("@/lib/self-check/receipt"));
});

const post = (url: string, body: BodyInit, headers: Record<string, string> = {}) =>
  new Request(`http://127.0.0.1${url}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });

type Answer = { crisisLines?: { id: string }[]; error?: string; message?: string; rateLimited?: boolean };

async function expectHelp(res: Response, status: number, firstLine: string) {
  expect(res.status).toBe(status);
  const body = (await res.json()) as Answer;
  expect(body.crisisLines?.[0]?.id).toBe(firstLine);
  return body;
}

describe("POST /api/self-check", () => {
  it("bad bodies: 4xx with the crisis lines, never 5xx", async () => {
    const gb = { "accept-language": "en-GB", "x-lantern-client-address": "192.0.2.1" };
    await expectHelp(await routes.check(post("/api/self-check", "not json", gb)), 400, "gb-ie-samaritans");
    await expectHelp(await routes.check(post("/api/self-check", JSON.stringify({ text: "x".repeat(70_000) }), gb)), 413, "gb-ie-samaritans");
    for (const body of [null, [], 5, "text", { submissionKey: "not-a-uuid" }, { text: 5, submissionKey: randomUUID() }, { __proto__: { consent: true } }]) {
      await expectHelp(await routes.check(post("/api/self-check", JSON.stringify(body), gb)), 400, "gb-ie-samaritans");
    }
    // A chosen country wins over the browser's language.
    const au = await routes.check(post("/api/self-check", JSON.stringify({ text: LONG_WORD, country: "AU", submissionKey: randomUUID() }), gb));
    await expectHelp(au, 400, "au-lifeline");
  });

  it("30 requests from one client with 30 spoofed X-Forwarded-For values: 20 answered, then 429 with Retry-After and the crisis lines", async () => {
    const statuses: number[] = [];
    let limited: Response | undefined;
    for (let i = 0; i < 30; i++) {
      // Words the check refuses (one 501-letter word) after the limit is counted: no model runs.
      const res = await routes.check(
        post("/api/self-check", JSON.stringify({ text: LONG_WORD, country: "US", submissionKey: randomUUID() }), {
          "x-lantern-client-address": "203.0.113.50",
          "x-forwarded-for": `198.51.100.${i}`,
        }),
      );
      statuses.push(res.status);
      if (res.status === 429) limited ??= res;
      else await res.body?.cancel();
    }
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(400));
    expect(statuses.slice(20)).toEqual(Array(10).fill(429));
    expect(Number(limited!.headers.get("retry-after"))).toBeGreaterThan(0);
    const body = await expectHelp(limited!, 429, "us-988-call-text");
    expect(body).toMatchObject({ rateLimited: true, message: expect.stringMatching(/crisis lines/) });
  });
});

describe("POST /api/self-check/save", () => {
  const request = (country = "IE") => ({
    submissionKey: randomUUID(),
    text: "I can't sleep and everything feels heavy lately.",
    classification: {
      probabilities: { depression: 0.8, anxiety: 0.2, bipolar: 0.05, suicidal: 0.3 },
      labels: ["depression" as const],
      topLabel: "depression" as const,
      tier: "elevated" as const,
      evidence: [],
      model: { name: "test", version: "0" },
    },
    resourcesShown: [],
    country,
  });
  const save = (r: ReturnType<typeof request>, address: string) =>
    routes.save(post("/api/self-check/save", JSON.stringify({ receipt: issueReceipt(r), text: r.text }), { "x-lantern-client-address": address }));

  it("refusals are 4xx with the crisis lines; the per-client save limit answers 429 for the receipt's country", async () => {
    await expectHelp(await routes.save(post("/api/self-check/save", "{", { "accept-language": "en-US" })), 400, "us-988-call-text");
    await expectHelp(await routes.save(post("/api/self-check/save", JSON.stringify({ receipt: "a.b", text: "x" }), { "accept-language": "en-US" })), 400, "us-988-call-text");

    for (let i = 0; i < 2; i++) {
      const res = await save(request(), "203.0.113.77");
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ status: "saved", reference: expect.stringMatching(/^LNT-/) });
    }
    const limited = await save(request("IE"), "203.0.113.77");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    const body = await expectHelp(limited, 429, "gb-ie-samaritans");
    expect(body.error).toMatch(/nothing more was stored/);
    // Another client is not affected.
    expect((await save(request(), "203.0.113.78")).status).toBe(200);
  });
});
