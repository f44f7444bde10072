import { expect, test, type Browser } from "@playwright/test";
import { authFile, staff } from "./support/staff/fixture";

// The administrator's happy path, and what account changes do to live sessions.
test.use({ storageState: authFile("admin") });
const f = staff();

async function signedInContext(browser: Browser, email: string, password: string) {
  // Contexts made in a test inherit the file's stored login: start signed out on purpose.
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/signin"));
  return { context, page };
}

test("an admin adds a person, who can sign in with the password shown once", async ({ page, browser }) => {
  const email = `new.clinician.${f.run.toLowerCase()}@e2e.lantern.test`;
  await page.goto("/admin");
  const add = page.getByRole("region", { name: "Add a person" });
  await add.getByLabel("Email").fill(email);
  await add.getByLabel("Role").selectOption("CLINICIAN");
  await add.getByRole("button", { name: "Add" }).click();
  const password = (await page.getByTestId("one-time-password").textContent())!.trim();
  expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
  await expect(page.locator(`tr[data-email="${email}"]`)).toContainText("Clinician");

  // Adding the same email twice is refused kindly.
  await add.getByLabel("Email").fill(email);
  await add.getByRole("button", { name: "Add" }).click();
  await expect(add.getByRole("alert")).toHaveText("An account with that email already exists.");

  const { context, page: theirs } = await signedInContext(browser, email, password);
  await expect(theirs).toHaveURL(/\/review$/);
  await context.close();
});

test("disabling a person ends their session at their next request; enabling restores sign-in", async ({ page, browser }) => {
  const who = f.users.disposable;
  const { context, page: theirs } = await signedInContext(browser, who.email, who.password);
  await expect(theirs).toHaveURL(/\/review$/);

  await page.goto("/admin");
  await page.getByRole("button", { name: `Disable ${who.email}` }).click();
  await expect(page.locator(`tr[data-email="${who.email}"]`).getByTestId("user-state")).toHaveText("Disabled");

  // Same cookie, next request: no access, and no case data.
  await theirs.goto("/review");
  await expect(theirs).toHaveURL(/\/signin/);
  const api = await context.request.get("/api/review/queue-version");
  expect(api.status()).toBe(401);
  await context.close();

  await page.getByRole("button", { name: `Enable ${who.email}` }).click();
  await expect(page.locator(`tr[data-email="${who.email}"]`).getByTestId("user-state")).toHaveText("Active");
  const again = await signedInContext(browser, who.email, who.password);
  await expect(again.page).toHaveURL(/\/review$/);

  // A password reset also ends existing sessions, and only the new password works.
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: `Reset password of ${who.email}` }).click();
  const fresh = (await page.locator(`tr[data-email="${who.email}"]`).getByTestId("one-time-password").textContent())!.trim();
  await again.page.goto("/review");
  await expect(again.page).toHaveURL(/\/signin/);
  await again.context.close();
  const withNew = await signedInContext(browser, who.email, fresh);
  await expect(withNew.page).toHaveURL(/\/review$/);
  await withNew.context.close();
});

test("the audit trail shows who did what, including views, claims and failed sign-ins", async ({ page, browser }) => {
  // A clinician views and claims a case; someone fails to sign in.
  const clinician = await browser.newContext({ storageState: authFile("clinician2") });
  const cp = await clinician.newPage();
  await cp.goto(`/review/${f.cases.audited.id}`);
  await cp.getByRole("button", { name: "Claim this case" }).click();
  await expect(cp.getByTestId("case-status")).toContainText("claimed by you");
  await clinician.close();
  const anon = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const ap = await anon.newPage();
  await ap.goto("/signin");
  await ap.getByLabel("Email").fill("nobody@e2e.lantern.test");
  await ap.getByLabel("Password").fill("a wrong password here");
  await ap.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(ap.getByTestId("signin-error")).toBeVisible();
  await anon.close();

  await page.goto(`/admin/audit?caseId=${f.cases.audited.id}`);
  const audit = page.getByTestId("audit");
  await expect(audit.locator('tr[data-action="case.view"]').first()).toContainText(f.users.clinician2.email);
  await expect(audit.locator('tr[data-action="case.claim"]')).toContainText(f.users.clinician2.email);

  // Failed sign-ins are counted, then written as one row per account per window (2 s for the browser tests).
  await expect
    .poll(
      async () => {
        await page.goto("/admin/audit?action=auth.signin.fail");
        return page.getByTestId("audit").locator("tbody").textContent();
      },
      { timeout: 20_000 },
    )
    .toMatch(/"unknown_account":\d+/);
  // The attempted email is not written to the trail.
  expect(await page.content()).not.toContain("nobody@e2e.lantern.test");
  // No case text ever appears in the trail.
  for (const c of Object.values(f.cases)) expect(await page.content()).not.toContain(c.canary);
});
