import { expect, test } from "@playwright/test";
import pg from "pg";
import { OutreachPage } from "./outreach.page";
import { e2eDatabaseUrl, modelPresent } from "./self-check.page";

// A batch over 200 posts is read by a background job (pg-boss; in process on PGlite): the page uploads it, then polls.
test.use({ storageState: "e2e/.auth/outreach.json" });

const POSTS = [
  "I don't see the point in anything anymore. I've been thinking about ending my life and I have a plan.",
  "My heart races every time I leave the house and I can't stop worrying that something terrible will happen.",
  "Had a nice walk with my dog today, the weather was lovely and I'm looking forward to the weekend.",
  "I haven't slept properly in weeks, nothing makes me happy and I can barely get out of bed.",
];

test("a 1,000-post batch runs as a job: the page shows its progress and gets every row's reading", async ({ page }) => {
  test.skip(!modelPresent(), "needs the classifier model in models/");
  test.setTimeout(180_000);
  const outreach = new OutreachPage(page);
  await outreach.goto();
  const lines = Array.from({ length: 1000 }, (_, i) => `${i + 1},"${POSTS[i % POSTS.length]} (${i + 1})"`);
  await outreach.upload("thousand.csv", `id,text\n${lines.join("\n")}\n`);
  await expect(outreach.runButton()).toHaveText("Read 1,000 posts");
  await outreach.runButton().click();

  // The page says the posts are read on the server, and the bar moves through the batch as the job checkpoints.
  await expect(page.getByTestId("batch-stage")).toBeVisible();
  const bar = page.getByRole("progressbar", { name: "Posts read" });
  const seen = new Set<number>();
  await expect(async () => {
    seen.add(Number(await bar.getAttribute("aria-valuenow")));
    expect(seen.has(1000)).toBe(true);
  }).toPass({ timeout: 150_000, intervals: [250] });
  expect([...seen].some((n) => n > 0 && n < 1000)).toBe(true);
  await expect(outreach.progressText).toHaveText("1,000 of 1,000 posts read");
  await expect(page.getByTestId("batch-stage")).toBeHidden();

  await expect(outreach.resultRows).toHaveCount(1000);
  const tiers = await outreach.tiers();
  expect(tiers).not.toContain("unknown");
  expect(tiers[0]).toBe("crisis");
  // Each reading lands on its own row: the first post (spreadsheet row 2, under the header) is the crisis one.
  await expect(outreach.results.locator('[data-row="2"]')).toHaveAttribute("data-tier", "crisis");
  await expect(outreach.results.locator('[data-row="1001"]')).toHaveCount(1);
  await expect(outreach.crisisLines).toBeVisible();

  // Once every result reached the page, nothing of the batch is left on the server.
  const url = e2eDatabaseUrl();
  if (url) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query('SELECT (SELECT count(*) FROM "OutreachBatch")::int AS batches, (SELECT count(*) FROM "OutreachBatchPart")::int AS parts, (SELECT count(*) FROM "OutreachBatchResult")::int AS results');
      expect(rows[0]).toEqual({ batches: 0, parts: 0, results: 0 });
    } finally {
      await client.end();
    }
  }
});
