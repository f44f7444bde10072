import { expect, test, type Page } from "@playwright/test";
import { staff } from "./support/staff/fixture";

// The sign-in's edges as an attacker tries them: hostile callbackUrls, and a token kept after signing out.
const f = staff();

async function signIn(page: Page, who: { email: string; password: string }) {
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

// Raw query values, as typed into the address bar (percent-escapes included).
const HOSTILE_CALLBACKS = [
  "/%09/evil.example",
  "/%09%5Cevil.example",
  "/%5C%5Cevil.example",
  "/.//evil.example",
  "//evil.example",
  "https://evil.example/steal",
  "%2F%2Fevil.example",
  "/%0a/evil.example",
  "%0a",
  "/%0d%0aSet-Cookie:%20x=1",
  "javascript:alert(1)",
];

test("a malicious callbackUrl never takes a signed-in clinician off the site, and never fails with a 5xx", async ({ browser, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  for (const callback of HOSTILE_CALLBACKS) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const left: string[] = [];
    page.on("request", (r) => {
      if (new URL(r.url()).origin !== origin) left.push(r.url());
    });
    const first = await page.goto(`/signin?callbackUrl=${callback}`);
    expect(first!.status(), callback).toBeLessThan(500);
    await signIn(page, f.users.clinician);
    await page.waitForURL((u) => !u.pathname.startsWith("/signin"), { timeout: 15_000 });
    expect(new URL(page.url()).origin, callback).toBe(origin);
    // Signed in now, the sign-in page forwards at once: the same URL again must stay on the site too.
    const again = await page.goto(`/signin?callbackUrl=${callback}`);
    expect(again!.status(), callback).toBeLessThan(500);
    expect(new URL(page.url()).origin, callback).toBe(origin);
    expect(left, callback).toEqual([]);
    await context.close();
  }
});

test("a signed-out token is refused: a copy of the cookie kept from before no longer opens /review", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/signin");
  await signIn(page, f.users.signoutClinician);
  await expect(page).toHaveURL(/\/review$/);
  const kept = await context.cookies();
  expect(kept.some((c) => c.name.includes("session-token"))).toBe(true);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await context.close();

  // Someone who copied the cookie before the sign-out.
  const thief = await browser.newContext();
  await thief.addCookies(kept);
  const theirs = await thief.newPage();
  await theirs.goto("/review");
  await expect(theirs).toHaveURL(/\/signin\?callbackUrl=%2Freview/);
  const api = await theirs.request.get("/api/review/queue-version", { maxRedirects: 0 });
  expect(api.status()).toBe(401);
  await thief.close();
});
