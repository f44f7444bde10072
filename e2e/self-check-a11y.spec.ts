import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { SelfCheckPage, SUICIDAL_POST } from "./self-check.page";

const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

async function expectNoViolations(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(summary, label).toEqual([]);
}

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`accessibility (${colorScheme})`, () => {
    test.use({ colorScheme });

    test("home, a crisis result and the crisis lines page pass axe (WCAG 2.2 AA)", async ({ page }) => {
      const sc = new SelfCheckPage(page);
      await sc.goto();
      await expectNoViolations(page, "home");
      await sc.check({ text: SUICIDAL_POST, consent: true });
      await expect(sc.crisisCard).toBeVisible();
      await expectNoViolations(page, "result");
      await page.goto("/crisis-lines");
      await expectNoViolations(page, "crisis lines");
    });
  });
}

test.describe("mobile", () => {
  test.use({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });

  test("fits a phone screen without sideways scrolling; screenshots saved under test-results", async ({ page }, info) => {
    const sc = new SelfCheckPage(page);
    await sc.goto();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: info.outputPath("self-check-mobile-home.png"), fullPage: true });
    await sc.check({ text: SUICIDAL_POST });
    await expect(sc.crisisCard).toBeInViewport();
    await page.screenshot({ path: info.outputPath("self-check-mobile-crisis.png"), fullPage: true });
    const tapTargets = await sc.crisisCard.getByRole("link").evaluateAll((links) => links.map((l) => l.getBoundingClientRect().height));
    for (const h of tapTargets) expect(h).toBeGreaterThanOrEqual(44);
  });
});
