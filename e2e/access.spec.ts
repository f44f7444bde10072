import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { allCanaries, authFile, staff } from "./support/staff/fixture";
import type { AccountKey } from "./support/staff/fixture-types";

// Unauthorized access to every staff page and API route: anonymous, wrong role,
// guessed ids. Each refusal is checked for the absence of case text and staff data.
const f = staff();
type Who = "anonymous" | Extract<AccountKey, "admin" | "clinician" | "outreach">;
const WHO: Who[] = ["anonymous", "clinician", "admin", "outreach"];

const PAGES: { path: string; allowed: Who[] }[] = [
  { path: "/review", allowed: ["clinician"] },
  { path: "/review?country=ZQ&status=NEW", allowed: ["clinician"] },
  { path: `/review/${f.cases.target.id}`, allowed: ["clinician"] },
  { path: "/dashboard", allowed: ["clinician", "admin"] },
  { path: "/admin", allowed: ["admin"] },
  { path: "/admin/audit", allowed: ["admin"] },
];

let contexts: Record<Who, APIRequestContext>;
test.beforeAll(async ({ baseURL }) => {
  contexts = Object.fromEntries(
    await Promise.all(
      WHO.map(async (who) => [who, await playwrightRequest.newContext({ baseURL, storageState: who === "anonymous" ? undefined : authFile(who) })]),
    ),
  ) as Record<Who, APIRequestContext>;
});
test.afterAll(async () => Promise.all(Object.values(contexts).map((c) => c.dispose())));

function expectNoLeak(body: string) {
  for (const canary of allCanaries(f)) expect(body).not.toContain(canary);
  for (const u of Object.values(f.users)) expect(body).not.toContain(u.email);
  for (const c of Object.values(f.cases)) expect(body).not.toContain(c.reference);
}

for (const { path, allowed } of PAGES) {
  for (const who of WHO) {
    test(`${who} ${allowed.includes(who as Who) ? "may open" : "is refused"} ${path}`, async () => {
      const res = await contexts[who].get(path, { maxRedirects: 0 });
      const body = await res.text();
      if (allowed.includes(who)) {
        expect(res.status()).toBe(200);
        return;
      }
      expect(res.status()).toBe(307);
      const location = res.headers()["location"] ?? "";
      if (who === "anonymous") expect(location).toContain(`/signin?callbackUrl=${encodeURIComponent(path.split("?")[0]!)}`);
      else expect(location).toMatch(/\/no-access$/);
      expectNoLeak(body);
    });
  }
}

test("the queue's polling route answers only clinicians", async () => {
  const expected: Record<Who, number> = { anonymous: 401, outreach: 403, admin: 403, clinician: 200 };
  for (const who of WHO) {
    const res = await contexts[who].get("/api/review/queue-version");
    expect(res.status(), who).toBe(expected[who]);
    const body = await res.text();
    if (who === "clinician") // count.maxSeq.latestUpdate.latestMessageSeq: a person writing back changes the fingerprint too.
      expect(JSON.parse(body)).toEqual({ version: expect.stringMatching(/^\d+\.\d+\.\d+\.\d+$/) });
    else {
      expect(body).not.toContain("version");
      expectNoLeak(body);
    }
  }
});

test("the session endpoint reveals no role, email or name", async () => {
  for (const who of WHO) {
    const body = await (await contexts[who].get("/api/auth/session")).text();
    expectNoLeak(body);
    expect(body).not.toMatch(/CLINICIAN|ADMIN|OUTREACH/);
  }
});

test("guessed and malformed case ids are 404 for clinicians and look the same as real ones to others", async () => {
  for (const id of ["00000000-0000-4000-8000-000000000000", "cm0000000000000000000000aa", "cmzzzzzzzzzzzzzzzzzzzzzzzz", "1", "..%2Fadmin", "%27%20OR%201%3D1"]) {
    const res = await contexts.clinician.get(`/review/${id}`, { maxRedirects: 0 });
    expect(res.status(), id).toBe(404);
    expectNoLeak(await res.text());
  }
  // Outreach: the same redirect for a real id and a guessed one (no existence oracle).
  const real = await contexts.outreach.get(`/review/${f.cases.target.id}`, { maxRedirects: 0 });
  const fake = await contexts.outreach.get("/review/00000000-0000-4000-8000-000000000000", { maxRedirects: 0 });
  expect([real.status(), real.headers()["location"]]).toEqual([fake.status(), fake.headers()["location"]]);
});

test("the audit trail cannot be filtered into showing case text", async () => {
  const res = await contexts.admin.get(`/admin/audit?caseId=${f.cases.target.id}&action=case.view`);
  expect(res.status()).toBe(200);
  const body = await res.text();
  for (const canary of allCanaries(f)) expect(body).not.toContain(canary);
});
