import { expect, test, type Page } from "@playwright/test";
import { authFile, staff } from "./support/staff/fixture";

// A clinician on a 390 px phone works a case from the queue to handing it back, never scrolling sideways.
test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, storageState: authFile("clinician") });
const f = staff();

async function expectNoSidewaysScroll(page: Page, step: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${step}: the page scrolls sideways`).toBeLessThanOrEqual(0);
}

test("claim, label, write a note and hand the case back on a phone", async ({ page }) => {
  const c = f.cases.phone;
  await page.goto("/review?country=ZR");
  const row = page.locator(`[data-reference="${c.reference}"]`);
  await expect(row.getByRole("link", { name: c.reference })).toBeInViewport();
  // Risk and its reason are on the card.
  await expect(row).toContainText("model: elevated depression 0.81 (threshold 0.50)");
  await expectNoSidewaysScroll(page, "queue");
  await row.getByRole("link", { name: c.reference }).tap();

  await expect(page.getByTestId("case-reference")).toHaveText(c.reference);
  const actions = page.getByTestId("case-actions");
  await expect(actions.getByRole("button", { name: "Claim this case" })).toBeInViewport();
  await expectNoSidewaysScroll(page, "case");
  await actions.getByRole("button", { name: "Claim this case" }).tap();
  await expect(page.getByTestId("case-status")).toContainText("claimed by you");

  await actions.getByRole("link", { name: "Your judgement" }).tap();
  for (const [legend, choice] of [
    ["Depression", "Present"],
    ["Anxiety", "Not present"],
    ["Bipolar", "Not present"],
    ["Suicidal thoughts", "Not present"],
  ] as const) {
    await page.getByRole("group", { name: new RegExp(`^${legend}`) }).getByLabel(choice, { exact: true }).check();
  }
  await page.getByRole("button", { name: "Save judgement" }).tap();
  await expect(page.getByText("Saved. Thank you.")).toBeVisible();
  await expectNoSidewaysScroll(page, "judgement");

  await actions.getByRole("link", { name: "Notes" }).tap();
  await page.getByLabel("Add a note").fill("Texted the number on the card; will check in tomorrow.");
  await page.getByRole("button", { name: "Save note" }).tap();
  await expect(page.getByTestId("notes")).toContainText("will check in tomorrow");
  await expectNoSidewaysScroll(page, "note");

  // The bar is still on screen after scrolling down to the notes.
  await expect(actions.getByRole("button", { name: "Hand back to the queue" })).toBeInViewport();
  await actions.getByRole("button", { name: "Hand back to the queue" }).tap();
  await expect(page.getByTestId("case-status")).toContainText("New");
  await expect(page.getByTestId("case-status")).not.toContainText("claimed by you");
  await expectNoSidewaysScroll(page, "released");
});
