import { expect, request as playwrightRequest, test } from "@playwright/test";
import { authFile, staff } from "./support/staff/fixture";

// No id a person can see (in a URL, a page, the audit trail) tells when its row was made: ids are random UUID v4.
// A cuid v1 (the previous ids) starts with "c" and its time in milliseconds in base 36.
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const CUID_V1 = /\bc[a-z0-9]{24}\b/g;

test("case links, the queue, the admin pages and the audit trail show only random v4 ids", async ({ baseURL }) => {
  const f = staff();
  for (const who of ["clinician", "admin"] as const) expect(f.users[who].id).toMatch(UUID_V4);
  expect(f.cases.target.id).toMatch(UUID_V4);

  const clinician = await playwrightRequest.newContext({ baseURL, storageState: authFile("clinician") });
  const admin = await playwrightRequest.newContext({ baseURL, storageState: authFile("admin") });
  try {
    // Viewing a case writes a case.view row with the case id and the clinician's id into the audit trail.
    expect((await clinician.get(`/review/${f.cases.audited.id}`)).status()).toBe(200);
    const pages = [
      await (await clinician.get("/review")).text(),
      await (await admin.get("/admin")).text(),
      await (await admin.get("/admin/audit")).text(),
      await (await admin.get(`/admin/audit?caseId=${f.cases.audited.id}`)).text(),
    ];
    const html = pages.join("\n");
    // Case pages (/review/<id>), not the API's /api/review/... routes.
    const links = [...html.matchAll(/(?<!\/api)\/review\/([^"?#/\\&]+)/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(0);
    for (const id of links) expect(id).toMatch(UUID_V4);
    for (const id of html.match(UUID) ?? []) expect(id, "every UUID shown is a v4").toMatch(UUID_V4);
    expect(html.match(CUID_V1) ?? []).toEqual([]);
    expect(pages[3]).toContain(f.cases.audited.id);
  } finally {
    await clinician.dispose();
    await admin.dispose();
  }
});
