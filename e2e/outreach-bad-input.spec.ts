import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import Papa from "papaparse";
import { OutreachPage } from "./outreach.page";

// Bad input never needs the model: every file gets a clear message in the browser, and nothing is lost.
test.use({ storageState: "e2e/.auth/outreach.json" });

test("a CSV with 10,001 rows is offered in parts of 1,000, every row reachable", async ({ page }) => {
  const outreach = new OutreachPage(page);
  await outreach.goto();
  const lines = Array.from({ length: 10_001 }, (_, i) => `${i + 1},"post number ${i + 1}, feeling tired"`);
  await outreach.upload("big.csv", `id,text\n${lines.join("\n")}\n`);
  await expect(outreach.notice("too-many-rows")).toContainText("10,001 rows; Lantern triages up to 1,000 at a time. Nothing has been dropped");
  const part = page.getByLabel("Part to read now");
  await expect(part.locator("option")).toHaveCount(11);
  await expect(outreach.runButton()).toHaveText("Read 1,000 posts");
  await part.selectOption({ index: 10 });
  await expect(part.locator("option:checked")).toHaveText("Part 11 of 11: rows 10,002–10,002");
  await expect(outreach.runButton()).toHaveText("Read 1 post");
});

test("a Latin-1 file is read with a notice and its accents intact", async ({ page }) => {
  const outreach = new OutreachPage(page);
  await outreach.goto();
  const latin1 = Buffer.from('text\n"Je suis épuisé, même le café ne m\'aide plus"\n', "latin1");
  await outreach.upload("latin1.csv", latin1);
  await expect(outreach.notice("encoding-latin1")).toContainText("read as Latin-1");
  await expect(page.getByText("Je suis épuisé, même le café ne m'aide plus")).toBeVisible();
  await expect(outreach.runButton()).toHaveText("Read 1 post");
});

test("UTF-16 and UTF-8 with a byte-order mark are recognised", async ({ page }) => {
  const outreach = new OutreachPage(page);
  await outreach.goto();
  const text = 'text\n"No puedo dormir, todo me preocupa 😟"\n';
  await outreach.upload("utf16.csv", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]));
  await expect(outreach.notice("encoding-utf16")).toBeVisible();
  await expect(page.getByText("No puedo dormir, todo me preocupa 😟")).toBeVisible();
  await outreach.upload("bom.csv", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]));
  await expect(outreach.notice("encoding-utf8-bom")).toBeVisible();
  await expect(page.getByLabel("Which column holds the posts?").locator("option")).toHaveText(["text"]);
});

test("a spreadsheet file and invalid bytes get specific messages", async ({ page }) => {
  const outreach = new OutreachPage(page);
  await outreach.goto();
  await outreach.upload("posts.xlsx", Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  await expect(outreach.notice("spreadsheet-file")).toContainText("CSV UTF-8");
  await expect(outreach.runButton()).toHaveCount(0);

  const damaged = Buffer.concat([Buffer.from("text\nnaïve “café” — ok\nbroken "), Buffer.from([0xff]), Buffer.from(" byte\n")]);
  await outreach.upload("damaged.csv", damaged);
  await expect(outreach.notice("invalid-bytes")).toContainText("1 character in this file could not be read");
  await expect(outreach.runButton()).toHaveText("Read 2 posts");
});

test("an empty column is refused with its name; empty cells are listed", async ({ page }) => {
  const outreach = new OutreachPage(page);
  await outreach.goto();
  await outreach.upload("empty.csv", "text,notes\nI feel so alone lately,\nnothing helps anymore,\n,\n");
  await page.getByLabel("Which column holds the posts?").selectOption({ label: "notes" });
  await expect(outreach.notice("empty-column")).toContainText("The column “notes” is empty in every row");
  await expect(outreach.runButton()).toHaveCount(0);
  await page.getByLabel("Which column holds the posts?").selectOption({ label: "text" });
  await expect(outreach.notices.locator('[data-code="empty-column"]')).toHaveCount(0);
  await expect(outreach.runButton()).toHaveText("Read 2 posts");
});

test("a huge cell is cut for the model with a notice, and exported whole", async ({ page }) => {
  const outreach = new OutreachPage(page);
  await outreach.goto();
  const huge = "I keep thinking nobody would notice if I was gone. ".repeat(1_000).trim();
  await outreach.upload("huge.csv", `text\n"${huge}"\nshort post about stress at work\n`);
  await expect(outreach.notice("truncated")).toContainText("1 post is longer than 10,000 characters (row 2)");
  await outreach.runAndWait(2);
  const csv = await exportCsv(page);
  const textCells = csv.map((r) => r.text);
  expect(textCells).toContain(huge);
  expect(csv.find((r) => r.text === huge)?.note).toMatch(/first 10,000 characters/);
});

test("formula-looking cells are read as text and exported so no spreadsheet runs them", async ({ page }) => {
  const outreach = new OutreachPage(page);
  await outreach.goto();
  const cells = ['=HYPERLINK("http://attacker.invalid","help")', "+1 555 0100 call me", "-I feel nothing anymore", "@friend I can't do this", "\t=1+1"];
  await outreach.upload("formula.csv", Papa.unparse([["text"], ...cells.map((c) => [c])]));
  await expect(outreach.runButton()).toHaveText(`Read ${cells.length} posts`);
  await outreach.runAndWait(cells.length);
  const csv = await exportCsv(page);
  expect(csv.map((r) => r.text).sort()).toEqual(cells.map((c) => `'${c.trim()}`).sort());
  for (const row of csv) for (const value of Object.values(row)) expect(value).not.toMatch(/^[=+\-@\t\r]/);
});

test("when the server cannot be reached, no post is lost and the crisis lines come forward", async ({ page }) => {
  const outreach = new OutreachPage(page);
  await outreach.goto();
  await outreach.paste("first post about feeling low\n\nsecond post about panic at night\n\nthird post");
  await page.route("**/outreach", (route) => (route.request().method() === "POST" ? route.abort("connectionreset") : route.continue()));
  await outreach.runAndWait(3);
  await expect(outreach.crisisLines).toContainText("Some posts could not be read");
  expect(await outreach.tiers()).toEqual(["unknown", "unknown", "unknown"]);
  await expect(page.getByRole("button", { name: "Try the 3 unread posts again" })).toBeVisible();
  const accessibility = await new AxeBuilder({ page }).analyze();
  expect(accessibility.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  const csv = await exportCsv(page);
  expect(csv.map((r) => [r.post, r.tier])).toEqual([
    ["1", "not classified"],
    ["2", "not classified"],
    ["3", "not classified"],
  ]);
});

async function exportCsv(page: import("@playwright/test").Page): Promise<Record<string, string>[]> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export CSV" }).click()]);
  const raw = (await readFile((await download.path())!, "utf8")).replace(/^\ufeff/, "");
  return Papa.parse<Record<string, string>>(raw, { header: true, skipEmptyLines: true }).data;
}
