import { readdirSync, readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { OutreachPage } from "./outreach.page";
import { SelfCheckPage } from "./self-check.page";
import { authFile, staff } from "./support/staff/fixture";

// Every page that shows contacts: each tel:/sms: link must dial exactly the directory's dial value for the entry
// and channel it sits in (read from the committed directory here, not through the app's own code).
const directory = JSON.parse(readFileSync("lib/resources/directory.json", "utf8")) as {
  entries: { id: string; dial?: Record<string, { dial: string; body?: string }> }[];
};
const dials = new Map(directory.entries.map((e) => [e.id, e.dial ?? {}]));
const COUNTRIES = ["US", "CA", "GB", "IE", "AU", "NZ", "IN", "BR"];
const SUICIDAL_POST = "I can't do this anymore. I keep thinking about ending my life and I have a plan.";

const hasModel = (() => {
  if (process.env.LANTERN_MODEL_DIR) return true;
  try {
    return readdirSync("models").some((d) => !d.startsWith("."));
  } catch {
    return false;
  }
})();

async function expectDirectoryDials(page: Page, where: string): Promise<void> {
  const links = await page.locator('a[href^="tel:"], a[href^="sms:"]').evaluateAll((els) =>
    els.map((a) => ({ href: a.getAttribute("href")!, channel: a.getAttribute("data-channel") ?? "", id: a.closest("[data-contacts-for]")?.getAttribute("data-contacts-for") ?? "" })),
  );
  expect(links.length, `${where}: no phone or text links at all`).toBeGreaterThan(0);
  for (const link of links) {
    const d = dials.get(link.id)?.[link.channel];
    expect(d, `${where}: ${link.href} is not a directory channel (${link.id} ${link.channel})`).toBeDefined();
    const expected = link.href.startsWith("tel:") ? `tel:${d!.dial}` : `sms:${d!.dial}${d!.body ? `?body=${encodeURIComponent(d!.body)}` : ""}`;
    expect(link.href, `${where}: ${link.id} ${link.channel}`).toBe(expected);
  }
}

test.describe("every phone and text link dials the directory's value", () => {
  test("crisis lines page, every country", async ({ page }) => {
    await page.goto("/crisis-lines");
    await expectDirectoryDials(page, "/crisis-lines");
    await expect(page.locator('a[href="tel:111"]')).toHaveCount(1);
    await expect(page.locator('a[href^="tel:1112"]')).toHaveCount(0);
  });

  test("streamed resources, every country", async ({ page }) => {
    for (const country of COUNTRIES) {
      await page.goto(`/e2e/resources?${new URLSearchParams({ country, tier: "crisis", preferences: "text,call" })}`);
      await expect(page.getByTestId("streamed-resources")).toHaveAttribute("data-phase", "done", { timeout: 20_000 });
      await expectDirectoryDials(page, `resources ${country}`);
    }
  });

  test("self-check result: crisis card and resources", async ({ page }) => {
    for (const country of ["US", "GB"]) {
      const sc = new SelfCheckPage(page);
      await sc.goto();
      await sc.check({ text: SUICIDAL_POST, country });
      await expect(sc.crisisCard).toBeVisible();
      const streamed = page.getByTestId("streamed-resources");
      if (await streamed.count()) await expect(streamed).toHaveAttribute("data-phase", "done", { timeout: 20_000 });
      await expectDirectoryDials(page, `self-check ${country}`);
    }
  });

  test.describe("staff pages", () => {
    test.describe("case page", () => {
      test.use({ storageState: authFile("clinician") });
      test("a case's resources", async ({ page }) => {
        await page.goto(`/review/${staff().cases.workflow.id}`);
        await expect(page.locator('[data-resource-id="us-988-call-text"]')).toBeVisible();
        await expectDirectoryDials(page, "case page");
      });
    });

    test.describe("outreach", () => {
      test.use({ storageState: authFile("outreach") });
      test("crisis lines, a row's help and the printable sheet", async ({ page }) => {
        const outreach = new OutreachPage(page);
        await outreach.goto();
        await expect(outreach.crisisLines).toBeVisible();
        await expectDirectoryDials(page, "outreach");
        test.skip(!hasModel, "the row detail needs the classifier model in models/");
        await outreach.paste(SUICIDAL_POST);
        await outreach.chooseCountry("United Kingdom");
        await outreach.runAndWait(1);
        await outreach.resultRows.first().getByRole("button", { name: /Help & reply/ }).click();
        await expect(page.getByTestId("row-detail")).toBeVisible();
        await expectDirectoryDials(page, "outreach row detail");
        await page.getByTestId("row-detail").getByRole("button", { name: "Resource sheet to print" }).click();
        await expect(page.getByTestId("resource-sheet")).toBeVisible();
        await expectDirectoryDials(page, "resource sheet");
      });
    });
  });
});
