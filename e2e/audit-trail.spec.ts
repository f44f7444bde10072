import { expect, request as playwrightRequest, test } from "@playwright/test";
import { authFile, callAction, staff } from "./support/staff/fixture";

// What staff do that the audit trail must show: refused pages and actions, sign-outs, and one case.view per
// visit (not one more for every claim or note made on the page).
const f = staff();
const REVIEW = "app/(clinician)/review/actions.ts";

test("a refused page, a refused action and a sign-out are in the audit trail", async ({ browser, baseURL }) => {
  const outreach = await playwrightRequest.newContext({ baseURL, storageState: authFile("outreach") });
  const admin = await playwrightRequest.newContext({ baseURL, storageState: authFile("admin") });
  try {
    const res = await outreach.get("/review", { maxRedirects: 0 });
    expect(res.headers()["location"]).toMatch(/\/no-access$/);
    const refused = await callAction(outreach, REVIEW, "claimCaseAction", [{ caseId: f.cases.target.id }], "/review");
    expect(refused.text).toContain('"kind":"forbidden"');

    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto("/signin");
    await page.getByLabel("Email").fill(f.users.signoutAdmin.email);
    await page.getByLabel("Password").fill(f.users.signoutAdmin.password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL(/\/admin$/);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/signin/);
    await context.close();

    const refusals = await (await admin.get("/admin/audit?action=access.refused")).text();
    expect(refusals).toContain(f.users.outreach.email);
    expect(refusals).toContain("/review");
    expect(refusals).toMatch(/needed[^\n]*CLINICIAN/);
    const signOuts = await (await admin.get("/admin/audit?action=auth.signout")).text();
    expect(signOuts).toContain(f.users.signoutAdmin.email);
  } finally {
    await outreach.dispose();
    await admin.dispose();
  }
});

test("one case.view per visit: claiming and releasing from the page adds no view of its own", async ({ browser, baseURL }) => {
  const admin = await playwrightRequest.newContext({ baseURL, storageState: authFile("admin") });
  const views = async () => {
    const html = await (await admin.get(`/admin/audit?caseId=${f.cases.orderLow.id}&action=case.view`)).text();
    return (html.match(/data-action="case.view"/g) ?? []).length;
  };
  const before = await views();
  const context = await browser.newContext({ storageState: authFile("clinician2") });
  const page = await context.newPage();
  await page.goto(`/review/${f.cases.orderLow.id}`);
  await page.getByRole("button", { name: "Claim this case" }).click();
  await expect(page.getByTestId("case-status")).toContainText("claimed by you");
  await page.getByRole("button", { name: "Hand back to the queue" }).click();
  await expect(page.getByTestId("case-status")).not.toContainText("claimed by you");
  await context.close();
  expect(await views()).toBe(before + 1);
  await admin.dispose();
});
