import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { authFile, staff } from "./support/staff/fixture";
import type { AccountKey } from "./support/staff/fixture-types";
import { OutreachPage } from "./outreach.page";
import { modelPresent } from "./self-check.page";

// Every public and staff page, as each role that can open it, at a phone's width and a laptop's: nothing scrolls
// sideways (a table wider than the screen scrolls inside its own box, never the page) and axe finds nothing.
const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const WIDTHS = [390, 1280] as const;
const f = staff();

const PAGES: { who: AccountKey | "anonymous"; paths: string[] }[] = [
  { who: "anonymous", paths: ["/", "/crisis-lines", "/follow-up", "/signin", "/no-access"] },
  { who: "clinician", paths: ["/review", `/review/${f.cases.target.id}`, `/review/${f.cases.othersClaim.id}`, "/dashboard", "/no-access", "/account/password"] },
  { who: "admin", paths: ["/admin", "/admin/audit", "/dashboard", "/outreach"] },
  { who: "outreach", paths: ["/outreach"] },
];

async function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

for (const width of WIDTHS) {
  for (const { who, paths } of PAGES) {
    test.describe(`${who} at ${width} px`, () => {
      test.use({
        viewport: { width, height: width < 600 ? 844 : 900 },
        ...(who === "anonymous" ? {} : { storageState: authFile(who) }),
      });

      for (const path of paths) {
        test(`${path} fits the width and passes axe`, async ({ page }) => {
          const res = await page.goto(path);
          expect(res?.status(), path).toBeLessThan(400);
          await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
          expect(await sidewaysOverflow(page), `${path} scrolls sideways`).toBeLessThanOrEqual(0);
          expect(await axeViolations(page), path).toEqual([]);
        });
      }
    });
  }

  test.describe(`outreach results at ${width} px`, () => {
    test.use({ viewport: { width, height: 844 }, storageState: authFile("outreach") });

    test("a read batch and an open row fit the width and pass axe", async ({ page }) => {
      test.skip(!modelPresent(), "needs the classifier model in models/");
      const outreach = new OutreachPage(page);
      await outreach.goto();
      await outreach.paste(
        [
          "I want to die. Nobody would notice if I was gone and I have been thinking about it every night.",
          "My heart races every time I leave the house and I can't stop worrying that something terrible will happen to everyone I love.",
          "Had a nice walk with my dog today, the weather was lovely and I'm looking forward to the weekend.",
        ].join("\n\n"),
      );
      await outreach.runAndWait(3);
      const first = outreach.resultRows.first();
      // Risk, its reason and the main action are on screen without scrolling sideways.
      await first.scrollIntoViewIfNeeded();
      await expect(first.getByTestId("tier-reason")).toContainText("explicit words");
      await expect(first.getByRole("button", { name: /Help & reply/ })).toBeInViewport({ ratio: 1 });
      expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
      expect(await axeViolations(page)).toEqual([]);

      if (width > 600) {
        // From the keyboard: j moves to the first row's action, Enter opens it.
        await page.keyboard.press("j");
        await expect(first.getByRole("button", { name: /Help & reply/ })).toBeFocused();
        await page.keyboard.press("Enter");
      } else await first.getByRole("button", { name: /Help & reply/ }).click();
      const dialog = page.getByRole("dialog");
      await expect(dialog.getByTestId("row-detail")).toBeVisible();
      expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
      expect(await axeViolations(page)).toEqual([]);
      await dialog.getByRole("button", { name: "Close" }).click();
      await expect(dialog).toBeHidden();
    });
  });
}

test.describe("case page on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, storageState: authFile("clinician") });

  test("the actions sit at the top of the screen", async ({ page }) => {
    await page.goto(`/review/${f.cases.target.id}`);
    // Earlier specs claim the target case, so its first action is "Claim this case" or "Mark reviewed": whichever it
    // is, the status and the first action are on the first screen, above the case text.
    const actions = page.getByTestId("case-actions");
    await expect(page.getByTestId("case-status")).toBeInViewport();
    await expect(actions.getByRole("button", { name: /^(Claim this case|Mark reviewed)$/ }).first()).toBeInViewport();
  });
});
