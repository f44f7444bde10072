import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import Papa from "papaparse";
import { OutreachPage } from "./outreach.page";
import { modelPresent } from "./self-check.page";

const POSTS = [
  "I don't see the point in anything anymore. I've been thinking about ending my life and I have a plan.",
  "My heart races every time I leave the house and I can't stop worrying that something terrible will happen.",
  "Had a nice walk with my dog today, the weather was lovely and I'm looking forward to the weekend.",
];

test.use({ storageState: "e2e/.auth/outreach.json" });

// Read as data: Playwright's loader does not take the app's JSON import.
const directory = JSON.parse(readFileSync("lib/resources/directory.json", "utf8")) as { entries: { id: string; countries: string[] }[] };
const countriesOf = (id: string) => directory.entries.find((e) => e.id === id)?.countries ?? [];

const hasModel = modelPresent();

test("outreach happy path: paste, triage with progress, help for a row, print sheet, save one case, export", async ({ page, browser }) => {
  test.skip(!hasModel, "needs the classifier model in models/");
  const outreach = new OutreachPage(page);
  await outreach.goto();
  // Crisis lines are there before anything is classified.
  await expect(outreach.crisisLines).toBeVisible();

  await outreach.paste(POSTS.join("\n\n"));
  await outreach.chooseCountry("United States");
  await outreach.runAndWait(POSTS.length);
  await expect(outreach.resultRows).toHaveCount(POSTS.length);

  // Sorted by risk: no row sits above a row of a higher tier.
  const rank = { crisis: 0, unknown: 1, elevated: 2, low: 3 } as Record<string, number>;
  const tiers = await outreach.tiers();
  expect(tiers).toEqual([...tiers].sort((a, b) => rank[a]! - rank[b]!));
  expect(tiers).not.toContain("unknown");
  // The post about ending one's life is at the top.
  await expect(outreach.resultRows.first()).toHaveAttribute("data-row", "1");

  await outreach.resultRows.first().getByRole("button", { name: /Help & reply/ }).click();
  const detail = page.getByTestId("row-detail");
  await expect(detail.getByLabel("Reply to adapt")).not.toBeEmpty();
  const ids = await detail.locator("[data-resource-id]").evaluateAll((els) => els.map((e) => e.getAttribute("data-resource-id")!));
  expect(ids.length).toBeGreaterThan(0);
  for (const id of ids) expect(countriesOf(id).some((c) => c === "US" || c === "INTL")).toBe(true);

  // "Copy reply" copies the reply and the chosen services with their directory contacts.
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  const firstName = (await detail.locator("[data-resource-id] p").first().textContent())!;
  await detail.getByRole("checkbox", { name: new RegExp(`Include in the copied reply\\W*${firstName.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`) }).uncheck();
  await detail.getByRole("button", { name: /^Copy reply/ }).click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied.startsWith(await detail.getByLabel("Reply to adapt").inputValue())).toBe(true);
  expect(copied).not.toContain(`- ${firstName}:`);
  expect(copied.split("\n").filter((l) => l.startsWith("- "))).toHaveLength(ids.length - 1);
  await detail.getByRole("checkbox", { name: /Include in the copied reply/ }).first().check();

  const accessibility = await new AxeBuilder({ page }).analyze();
  expect(accessibility.violations.map((v) => v.id)).toEqual([]);

  // Printable sheet: on paper only the sheet shows, and it never carries the post.
  await detail.getByRole("button", { name: "Resource sheet to print" }).click();
  const sheet = page.getByTestId("resource-sheet");
  await expect(sheet).toBeVisible();
  await expect(sheet).not.toContainText("ending my life");
  await page.emulateMedia({ media: "print" });
  await expect(outreach.results).toBeHidden();
  await expect(sheet).toBeVisible();
  await expect(sheet.locator("[data-resource-id]").first()).toBeVisible();
  await page.emulateMedia({ media: "screen" });

  // The details open again over the page.
  await outreach.resultRows.first().getByRole("button", { name: /Help & reply/ }).click();
  await expect(detail).toBeVisible();

  // Saving is explicit: the button stays disabled until the box is ticked.
  const save = detail.getByRole("button", { name: "Save as case" });
  await expect(save).toBeDisabled();
  await detail.getByRole("checkbox", { name: /Save an anonymized copy/ }).click();
  const [saveRequest] = await Promise.all([page.waitForRequest((r) => r.method() === "POST" && !!r.headers()["next-action"]), save.click()]);
  // The server classifies and anonymizes the post again before storing it: seconds on a busy machine.
  await expect(detail.getByTestId("case-saved")).toContainText(/Reference: LNT-/, { timeout: 30_000 });

  // The save action checks the role itself: a clinician replaying it gets a refusal and no reference.
  const clinician = await browser.newContext({ storageState: "e2e/.auth/clinician.json" });
  const other = await clinician.newPage();
  await other.goto("/review");
  const replay = await other.evaluate(
    async ({ actionId, body }) =>
      (await fetch("/outreach", { method: "POST", headers: { "Next-Action": actionId, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" }, body })).text(),
    { actionId: saveRequest.headers()["next-action"]!, body: JSON.stringify([{ text: POSTS[0], country: "US", submissionKey: crypto.randomUUID(), confirmed: true }]) },
  );
  expect(replay).toMatch(/forbidden/);
  expect(replay).not.toMatch(/LNT-/);
  await clinician.close();

  await page.getByRole("dialog").getByRole("button", { name: "Close" }).click();
  await expect(page.getByRole("dialog")).toBeHidden();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export CSV" }).click()]);
  const rows = Papa.parse<Record<string, string>>((await readFile((await download.path())!, "utf8")).replace(/^\ufeff/, ""), {
    header: true,
    skipEmptyLines: true,
  }).data;
  expect(rows).toHaveLength(POSTS.length);
  expect(rows[0]!.post).toBe("1");
  expect(rows.map((r) => r.text).sort()).toEqual([...POSTS].sort());
  expect(Number(rows[0]!.suicidal_percent)).toBeGreaterThan(Number(rows[2]!.suicidal_percent));
});

test("a CSV country column sets each row's country for its services; the batch's country is the default", async ({ page }) => {
  test.skip(!hasModel, "needs the classifier model in models/");
  const outreach = new OutreachPage(page);
  await outreach.goto();
  const csv = Papa.unparse([["post", "country"], [POSTS[0]!, "Canada"], [POSTS[1]!, ""], [POSTS[2]!, "Narnia"]]);
  await outreach.upload("countries.csv", csv);
  // The column named "country" is picked; its unknown value is a notice with its row, not a failure.
  await expect(page.getByLabel(/Which column holds each post's country/).locator("option:checked")).toHaveText("country");
  await expect(outreach.notice("row-countries")).toContainText("1 row takes its country from the column “country”");
  await expect(outreach.notice("unknown-country")).toContainText("(row 4): “Narnia”");
  await outreach.chooseCountry("United Kingdom");
  await outreach.runAndWait(POSTS.length);

  await expect(outreach.rowCountry(2)).toHaveText("Canada", { useInnerText: true });
  await expect(outreach.rowCountry(3)).toHaveText("United Kingdom", { useInnerText: true });
  await expect(outreach.rowCountry(4)).toHaveText("United Kingdom", { useInnerText: true });

  // The crisis row's services are Canada's: its first crisis line, and nothing only for the UK.
  await outreach.resultRows.first().getByRole("button", { name: /Help & reply/ }).click();
  const detail = page.getByTestId("row-detail");
  const ids = await detail.locator("[data-resource-id]").evaluateAll((els) => els.map((e) => e.getAttribute("data-resource-id")!));
  expect(ids).toContain("ca-988");
  for (const id of ids) expect(countriesOf(id).some((c) => c === "CA" || c === "INTL")).toBe(true);
  await page.getByRole("dialog").getByRole("button", { name: "Close" }).click();

  // The row without its own country got the batch's.
  await page.locator('[data-testid="result-row"][data-row="3"]').getByRole("button", { name: /Help & reply/ }).click();
  const other = await detail.locator("[data-resource-id]").evaluateAll((els) => els.map((e) => e.getAttribute("data-resource-id")!));
  for (const id of other) expect(countriesOf(id).some((c) => c === "GB" || c === "INTL")).toBe(true);
  await page.getByRole("dialog").getByRole("button", { name: "Close" }).click();

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export CSV" }).click()]);
  const rows = Papa.parse<Record<string, string>>((await readFile((await download.path())!, "utf8")).replace(/^\ufeff/, ""), {
    header: true,
    skipEmptyLines: true,
  }).data;
  expect(Object.fromEntries(rows.map((r) => [r.row, r.country]))).toEqual({ "2": "Canada", "3": "United Kingdom", "4": "United Kingdom" });

  await page.setViewportSize({ width: 390, height: 844 });
  await expect(outreach.rowCountry(2)).toHaveText("Country: Canada", { useInnerText: true });
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
  const accessibility = await new AxeBuilder({ page }).analyze();
  expect(accessibility.violations.map((v) => v.id)).toEqual([]);
});
