import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { OutreachPage } from "./outreach.page";
import { modelPresent, SelfCheckPage } from "./self-check.page";
import { authFile, staff } from "./support/staff/fixture";

// Every page that shows contacts: each tel:/sms: link must dial exactly the directory's dial value for the entry
// and channel it sits in (read from the committed directory here, not through the app's own code).
const directory = JSON.parse(readFileSync("lib/resources/directory.json", "utf8")) as {
  entries: { id: string; countries: string[]; dial?: Record<string, { dial: string; body?: string }> }[];
};
const dials = new Map(directory.entries.map((e) => [e.id, e.dial ?? {}]));
// Whether the directory has any phone or text route for a country ("INTL": the international entries shown when
// the country is unknown or has no entries of its own). Where it has none, a page cannot show a tel:/sms: link
// at all, so none is required there; every link that does appear is still checked.
const hasDialRoute = (country: string) => directory.entries.some((e) => e.countries.includes(country) && Object.keys(e.dial ?? {}).length > 0);
const COUNTRIES = ["US", "CA", "GB", "IE", "AU", "NZ", "IN", "BR"];
const SUICIDAL_POST = "I can't do this anymore. I keep thinking about ending my life and I have a plan.";

const hasModel = modelPresent();

/**
 * Every tel:/sms: link on the page (any letter case) dials the directory's value for its entry and channel.
 * `requireLinks: false` only for pages whose entries have no phone or text route in the directory: the page must
 * still show directory contacts, and any tel:/sms: link on it still fails unless it is a dial value.
 */
async function expectDirectoryDials(page: Page, where: string, { requireLinks = true } = {}): Promise<void> {
  const links = await page.locator('a[href^="tel:" i], a[href^="sms:" i]').evaluateAll((els) =>
    els.map((a) => ({ href: a.getAttribute("href")!, channel: a.getAttribute("data-channel") ?? "", id: a.closest("[data-contacts-for]")?.getAttribute("data-contacts-for") ?? "" })),
  );
  if (requireLinks) expect(links.length, `${where}: no phone or text links at all`).toBeGreaterThan(0);
  else expect(await page.locator("[data-contacts-for]").count(), `${where}: no directory contacts at all`).toBeGreaterThan(0);
  for (const link of links) {
    const d = dials.get(link.id)?.[link.channel];
    expect(d, `${where}: ${link.href} is not a directory channel (${link.id} ${link.channel})`).toBeDefined();
    const expected = /^tel:/i.test(link.href) ? `tel:${d!.dial}` : `sms:${d!.dial}${d!.body ? `?body=${encodeURIComponent(d!.body)}` : ""}`;
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
      // A country without entries of its own (BR) is shown the international ones, which are websites only.
      await expectDirectoryDials(page, `resources ${country}`, { requireLinks: hasDialRoute(country) });
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
        // Before a country is chosen the crisis lines are the international entries (websites only, no dial values).
        await expect(outreach.crisisLines.locator('[data-resource-id="intl-findahelpline"]')).toBeVisible();
        await expectDirectoryDials(page, "outreach, no country", { requireLinks: hasDialRoute("INTL") });
        // The country's own lines once it is chosen (reading the posts is not needed for that).
        await outreach.paste(SUICIDAL_POST);
        await outreach.chooseCountry("United Kingdom");
        await expect(outreach.crisisLines.locator('[data-resource-id="gb-nhs-111-mental-health"]')).toBeVisible();
        await expectDirectoryDials(page, "outreach, United Kingdom");
        await expect(outreach.crisisLines.locator('a[href="tel:111"]')).toHaveCount(1);
        test.skip(!hasModel, "the row detail needs the classifier model in models/");
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
