import { expect, test, type Page } from "@playwright/test";
import { OutreachPage } from "./outreach.page";

const POST = "I haven't slept properly in weeks and I can't stop worrying about everything.";

test.describe("outreach page", () => {
  test("anonymous visitors are sent to sign in", async ({ browser }) => {
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const page = await context.newPage();
    await page.goto("/outreach");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Foutreach/);
    await expect(page.getByText("Batch triage")).toHaveCount(0);
    await context.close();
  });

  test("a clinician is told the page is not part of their role", async ({ browser }) => {
    const context = await browser.newContext({ storageState: "e2e/.auth/clinician.json" });
    const page = await context.newPage();
    await page.goto("/outreach");
    await expect(page).toHaveURL(/\/no-access/);
    await context.close();
  });
});

test.describe("the outreach user", () => {
  test.use({ storageState: "e2e/.auth/outreach.json" });

  test("sees no case store, dashboard or admin page", async ({ page }) => {
    for (const path of ["/review", "/dashboard", "/admin", "/admin/audit"]) {
      await page.goto(path);
      await expect(page, path).toHaveURL(/\/no-access/);
      await expect(page.getByText(/LNT-[0-9A-Z]{4}-[0-9A-Z]{4}/)).toHaveCount(0);
    }
    const queue = await page.request.get("/api/review/queue-version");
    expect(queue.status()).toBe(403);
    // The shared error envelope and nothing else: no version, no case data.
    expect(await queue.json()).toEqual({ ok: false, kind: "forbidden", error: expect.any(String) });
  });
});

test.describe("outreach server actions check the role themselves", () => {
  test.use({ storageState: "e2e/.auth/outreach.json" });

  test("the classify action refuses anonymous callers and clinicians, and leaks nothing", async ({ page, browser }) => {
    const actionId = await captureClassifyActionId(page);
    const body = JSON.stringify([{ posts: [POST], country: "US", batchSize: 1 }]);

    // An empty state, not "no option": contexts made in a test inherit the outreach login from test.use.
    for (const storageState of [{ cookies: [], origins: [] }, "e2e/.auth/clinician.json"]) {
      const context = await browser.newContext({ storageState });
      const other = await context.newPage();
      await other.goto("/signin");
      const response = await callAction(other, actionId, body);
      expect(response).not.toMatch(/probabilities|topLabel|resources/);
      expect(response).toMatch(typeof storageState === "string" ? /forbidden/ : /unauthenticated/);
      await context.close();
    }
  });

  test("the classify action rejects oversized input with a clear message", async ({ page }) => {
    const actionId = await captureClassifyActionId(page);
    const tooMany = JSON.stringify([{ posts: Array.from({ length: 26 }, () => POST), country: "US", batchSize: 26 }]);
    expect(await callAction(page, actionId, tooMany)).toMatch(/"kind":"invalid"/);
    const tooLong = JSON.stringify([{ posts: ["x".repeat(10_001)], country: "US", batchSize: 1 }]);
    expect(await callAction(page, actionId, tooLong)).toMatch(/at most 10,000 characters/);
  });
});

/** Reads the action id the page uses, from the request it sends when the worker starts a batch. */
async function captureClassifyActionId(page: Page): Promise<string> {
  const outreach = new OutreachPage(page);
  await outreach.goto();
  await outreach.paste(POST);
  const [request] = await Promise.all([
    page.waitForRequest((r) => r.method() === "POST" && !!r.headers()["next-action"]),
    outreach.runButton().click(),
  ]);
  return request.headers()["next-action"]!;
}

/** Calls a server action the way Next's client does, from the page's own origin. */
async function callAction(page: Page, actionId: string, body: string): Promise<string> {
  return page.evaluate(
    async ({ actionId, body }) => {
      const res = await fetch("/outreach", {
        method: "POST",
        headers: { "Next-Action": actionId, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
        body,
      });
      return res.text();
    },
    { actionId, body },
  );
}
