import { expect, test } from "@playwright/test";
import { staff } from "./support/staff/fixture";

// Sign-in behaviour, from a fresh (signed-out) browser each test.
const f = staff();

test("each role lands on its own start page after signing in, and can sign out", async ({ page, context }) => {
  // Signing out ends every session of the account, so the stored logins' accounts are not used here.
  const homes = { signoutAdmin: "/admin", signoutClinician: "/review", outreach: "/outreach" } as const;
  for (const who of ["signoutAdmin", "signoutClinician", "outreach"] as const) {
    await page.goto("/signin");
    await page.getByLabel("Email").fill(f.users[who].email);
    await page.getByLabel("Password").fill(f.users[who].password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`${homes[who]}$`));
    if (who === "outreach") {
      await context.clearCookies(); // the outreach page (another feature) has its own sign-out tests
      continue;
    }
    await expect(page.getByTestId("signed-in-as")).toContainText(f.users[who].email);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/signin/);
  }
  await page.goto("/review");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Freview/);
});

test("a wrong password gets a kind, generic message", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(f.users.clinician.email);
  await page.getByLabel("Password").fill("not the password at all");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByTestId("signin-error")).toHaveText(/do not match an active account/);
  await expect(page).toHaveURL(/\/signin/);
});

test("a 10 MB password gets a clear message and is never hashed", async ({ page, request }) => {
  const huge = "p".repeat(10 * 1024 * 1024);
  await page.goto("/signin");
  await page.getByLabel("Email").fill(f.users.clinician.email);
  // Set like a paste (typing 10 MB key by key would take minutes).
  await page.getByLabel("Password").evaluate((el, v) => ((el as HTMLInputElement).value = v), huge);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByTestId("signin-error")).toHaveText(/longer than 256 characters/);

  // Straight to the Auth.js endpoint, past the page's own check: refused before hashing,
  // and sent back to the sign-in page with the same clear message.
  const csrf = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const started = Date.now();
  const res = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken: csrf.csrfToken, email: f.users.clinician.email, password: huge, callbackUrl: "/review" },
    maxRedirects: 0,
  });
  expect(Date.now() - started).toBeLessThan(10_000);
  const location = res.headers()["location"] ?? "";
  expect(location).toContain("code=too_long");
  await page.goto(location);
  await expect(page.getByTestId("signin-error")).toHaveText(/longer than 256 characters/);
});

test("repeated failures lock the account for a while with a clear message", async ({ page }) => {
  const who = f.users.lockout;
  for (let i = 0; i < 5; i++) {
    await page.goto("/signin");
    await page.getByLabel("Email").fill(who.email);
    await page.getByLabel("Password").fill(`wrong guess number ${i}`);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByTestId("signin-error")).toHaveText(/do not match/);
  }
  // Even the right password is refused now.
  await page.goto("/signin");
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByTestId("signin-error")).toHaveText(/Too many sign-in attempts/);
  await expect(page).toHaveURL(/\/signin/);
});

test("only same-site paths are followed after sign-in", async ({ page }) => {
  await page.goto("/signin?callbackUrl=https://evil.example/steal");
  await page.getByLabel("Email").fill(f.users.clinician.email);
  await page.getByLabel("Password").fill(f.users.clinician.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/review$/);
});
