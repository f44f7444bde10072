import { expect, type Locator, type Page } from "@playwright/test";

/** The outreach batch triage page: its locators and actions, shared by the outreach specs. */
export class OutreachPage {
  readonly notices: Locator;
  readonly results: Locator;
  readonly resultRows: Locator;
  readonly progressText: Locator;
  readonly crisisLines: Locator;

  constructor(readonly page: Page) {
    this.notices = page.getByTestId("notices");
    this.results = page.getByTestId("results-table");
    this.resultRows = page.getByTestId("result-row");
    this.progressText = page.getByTestId("progress-text");
    this.crisisLines = page.getByTestId("crisis-lines");
  }

  async goto() {
    await this.page.goto("/outreach");
    await expect(this.page.getByRole("heading", { name: "Batch triage" })).toBeVisible();
  }

  async paste(text: string) {
    await this.page.getByRole("button", { name: "Paste posts" }).click();
    await this.page.getByLabel(/Posts, one per block/).fill(text);
    await this.page.getByRole("button", { name: "Read posts" }).click();
  }

  async upload(name: string, content: Buffer | string, mimeType = "text/csv") {
    await this.page.getByRole("button", { name: "Upload a CSV" }).click();
    await this.page.getByLabel(/CSV file/).setInputFiles({ name, mimeType, buffer: Buffer.isBuffer(content) ? content : Buffer.from(content) });
  }

  notice(code: string): Locator {
    return this.notices.locator(`[data-code="${code}"]`);
  }

  async chooseCountry(label: string) {
    await this.page.getByLabel(/Where are these people/).selectOption({ label });
  }

  async chooseCountryColumn(label: string) {
    await this.page.getByLabel(/Which column holds each post's country/).selectOption({ label });
  }

  /** The country cell of the row with this spreadsheet row (or post) number. */
  rowCountry(row: number): Locator {
    return this.page.locator(`[data-testid="result-row"][data-row="${row}"] [data-testid="row-country"]`);
  }

  runButton(): Locator {
    return this.page.getByRole("button", { name: /^Read \d[\d,]* posts?$/ });
  }

  async runAndWait(total: number) {
    await this.runButton().click();
    await expect(this.progressText).toHaveText(`${total.toLocaleString("en-US")} of ${total.toLocaleString("en-US")} posts read`, { timeout: 60_000 });
  }

  /** Tiers of the table from top to bottom, as data attributes. */
  async tiers(): Promise<string[]> {
    return this.resultRows.evaluateAll((rows) => rows.map((r) => r.getAttribute("data-tier") ?? ""));
  }
}
