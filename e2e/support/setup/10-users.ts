/**
 * Stores one signed-in browser state per role under e2e/.auth/ (admin, clinician,
 * clinician2, outreach), signing in through the real sign-in page. The accounts were
 * seeded before the server started (servers/50-staff-seed.mjs -> test-results/e2e-staff.json).
 */
import fs from "node:fs";
import path from "node:path";
import { chromium, type FullConfig } from "@playwright/test";
import { authFile, staff, STORED } from "../staff/fixture";

export default async function storeLogins(config: FullConfig) {
  const use = config.projects[0]!.use;
  const baseURL = use.baseURL!;
  const fixture = staff();
  fs.mkdirSync(path.dirname(authFile("admin")), { recursive: true });
  const browser = await chromium.launch(use.launchOptions);
  try {
    for (const who of STORED) {
      const account = fixture.users[who];
      const context = await browser.newContext({ baseURL });
      const page = await context.newPage();
      await page.goto("/signin");
      await page.getByLabel("Email").fill(account.email);
      await page.getByLabel("Password").fill(account.password);
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      await page.waitForURL((url) => !url.pathname.startsWith("/signin"), { timeout: 30_000 });
      await context.storageState({ path: authFile(who) });
      await context.close();
    }
  } finally {
    await browser.close();
  }
}
