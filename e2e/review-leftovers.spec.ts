import { expect, test } from "@playwright/test";
import { authFile, staff } from "./support/staff/fixture";

// The case page tells the clinician when the stored text may still identify someone, and the server brings text
// saved under older anonymizer rules to the current ones by itself at start.
test.use({ storageState: authFile("clinician") });
const f = staff();

test("a case whose text may still identify someone carries an accessible notice saying what kind of thing to look for", async ({ page }) => {
  await page.goto(`/review/${f.cases.leftovers.id}`);
  const notice = page.getByRole("region", { name: "This text may still identify someone" });
  await expect(notice).toBeVisible();
  await expect(notice.getByRole("listitem")).toHaveCount(3);
  await expect(notice).toContainText("1 capitalised word or run of words not known as ordinary English");
  await expect(notice).toContainText("1 long number");
  await expect(notice).toContainText("(discord)");
  // The kinds are named, the words are not repeated: they are in the text below.
  await expect(notice).not.toContainText("Zorblax");
  await expect(notice).not.toContainText("4471902");
  // It comes before the text it is about.
  const [noticeTop, textTop] = await Promise.all([notice.boundingBox(), page.getByTestId("case-text").boundingBox()]);
  expect(noticeTop!.y).toBeLessThan(textTop!.y);
});

test("a case with nothing left to look for has no notice", async ({ page }) => {
  await page.goto(`/review/${f.cases.workflow.id}`);
  await expect(page.getByTestId("case-text")).toBeVisible();
  await expect(page.getByTestId("leftovers-notice")).toHaveCount(0);
});

test("text saved under older rules is anonymized again by the server at start", async ({ page }) => {
  test.setTimeout(120_000);
  // The run is in the background and gives way to answers: wait for it, reloading.
  await expect(async () => {
    await page.goto(`/review/${f.cases.stale.id}`);
    await expect(page.getByTestId("case-text")).toContainText("[phone]", { timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  const text = page.getByTestId("case-text");
  await expect(text).toContainText("[email]");
  await expect(text).not.toContainText("jane.doe");
  await expect(text).not.toContainText("０１９９");
});
