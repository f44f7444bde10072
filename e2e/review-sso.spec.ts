import { expect, test } from "@playwright/test";
import { staff } from "./support/staff/fixture";

// Single sign-on through a loopback OpenID Connect provider (e2e/support/servers/40-fake-oidc.mjs).
const f = staff();

test("a person the admin has added signs in with SSO and lands on their start page", async ({ page }) => {
  await page.goto("/signin");
  await page.getByRole("button", { name: "Sign in with Test SSO" }).click();
  await page.getByLabel("Organisation email").fill(f.users.clinician2.email.toUpperCase());
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/review$/);
  await expect(page.getByTestId("signed-in-as")).toContainText(f.users.clinician2.email);
});

test("SSO never creates accounts: an unknown organisation email is refused with a clear message", async ({ page }) => {
  await page.goto("/signin");
  await page.getByRole("button", { name: "Sign in with Test SSO" }).click();
  await page.getByLabel("Organisation email").fill("stranger@elsewhere.example");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await expect(page.getByTestId("signin-error")).toHaveText(/not set up for Lantern yet/);
  const res = await page.request.get("/api/review/queue-version");
  expect(res.status()).toBe(401);
});
