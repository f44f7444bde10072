import { readdirSync, existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, type Locator, type Page } from "@playwright/test";

/** Page object for the public self-check (home page and its result). */
export class SelfCheckPage {
  readonly form: Locator;
  readonly text: Locator;
  readonly link: Locator;
  readonly country: Locator;
  readonly consent: Locator;
  readonly submit: Locator;
  readonly counter: Locator;
  readonly result: Locator;
  readonly crisisCard: Locator;
  readonly message: Locator;
  readonly reference: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByTestId("self-check-form");
    this.text = page.getByLabel("Paste the post");
    this.link = page.getByLabel(/Or a link to a Reddit, Mastodon or Bluesky post/);
    this.country = page.getByLabel(/Where you are/);
    this.consent = page.getByRole("checkbox", { name: "Save an anonymized copy so a clinician can review it" });
    this.submit = page.getByRole("button", { name: /Check this post|Reading/ });
    this.counter = page.getByTestId("char-count");
    this.result = page.getByTestId("self-check-result");
    this.crisisCard = page.getByTestId("crisis-card");
    this.message = page.getByTestId("result-message");
    this.reference = page.getByTestId("case-reference");
  }

  /**
   * Counts (and dismisses) browser dialogs from now on: an alert() from pasted or fetched HTML would be one.
   * Read the count through the returned function.
   */
  watchDialogs(): () => number {
    let dialogs = 0;
    this.page.on("dialog", (d) => {
      dialogs++;
      void d.dismiss();
    });
    return () => dialogs;
  }

  async goto() {
    await this.page.goto("/");
    await expect(this.form).toBeVisible();
  }

  /** Fills the textarea without typing 10,000 keystrokes (a paste, as people do). */
  async paste(text: string) {
    await this.text.fill(text);
  }

  async check(options: { text?: string; link?: string; consent?: boolean; country?: string } = {}) {
    if (options.text !== undefined) await this.paste(options.text);
    if (options.link !== undefined) await this.link.fill(options.link);
    if (options.country) await this.country.selectOption(options.country);
    if (options.consent) await this.consent.check();
    await this.submit.click();
    await expect(this.result).toBeVisible({ timeout: 20_000 });
    await expect(this.submit).toHaveText("Check this post");
  }

  outcome() {
    return this.result.getAttribute("data-outcome");
  }
}

export const ROOT = path.resolve(import.meta.dirname, "..");

/** True once a trained model is in models/ (specs that need real predictions skip until then). */
export function modelPresent(): boolean {
  const dir = path.join(ROOT, process.env.LANTERN_MODEL_DIR ?? "models");
  if (!existsSync(dir)) return false;
  return readdirSync(dir, { withFileTypes: true }).some((d) => d.isDirectory() && readdirSync(path.join(dir, d.name)).some((f) => f.endsWith(".onnx")));
}

/** The e2e server's database, when it is a PostgreSQL server this process can also open (PGlite is single-process). */
export function e2eDatabaseUrl(): string | undefined {
  const file = path.join(ROOT, "test-results", "e2e-env.json");
  if (!existsSync(file)) return undefined;
  return (JSON.parse(readFileSync(file, "utf8")) as { DATABASE_URL?: string }).DATABASE_URL;
}

export async function queryCases<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[] | undefined> {
  const url = e2eDatabaseUrl();
  if (!url) return undefined;
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

export const SUICIDAL_POST =
  "I can't do this anymore. I've written goodbye letters to my family and I'm going to kill myself tonight. I have the pills ready and nobody will stop me.";

export const ORDINARY_POST = "Had a lovely walk in the park with my dog this morning, then made pancakes for everyone. Looking forward to the weekend!";
