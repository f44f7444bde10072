import { expect, type Locator, type Page } from "@playwright/test";

/** Page object for /follow-up: the person's way back to their case with the reference and the follow-up code. */
export class FollowUpPage {
  readonly reference: Locator;
  readonly code: Locator;
  readonly open: Locator;
  readonly error: Locator;
  readonly status: Locator;
  readonly clinicianMessages: Locator;
  readonly personMessages: Locator;
  readonly replyText: Locator;
  readonly replySend: Locator;
  readonly replySent: Locator;
  readonly crisisCard: Locator;

  constructor(readonly page: Page) {
    this.reference = page.getByLabel("Case reference");
    this.code = page.getByLabel("Follow-up code");
    this.open = page.getByRole("button", { name: /Open my case|Checking/ });
    this.error = page.getByTestId("follow-up-error");
    this.status = page.getByTestId("follow-up-status");
    this.clinicianMessages = page.getByTestId("clinician-message");
    this.personMessages = page.getByTestId("person-message");
    this.replyText = page.getByLabel("Your message");
    this.replySend = page.getByRole("button", { name: /^(Send|Sending…)$/ });
    this.replySent = page.getByTestId("reply-sent");
    this.crisisCard = page.getByTestId("crisis-card");
  }

  async goto() {
    await this.page.goto("/follow-up");
  }

  /** Submits the pair and waits for the server's answer (the form resets its fields once an answer arrives). */
  async enter(reference: string, code: string) {
    await expect(this.open).toHaveText("Open my case");
    await this.reference.fill(reference);
    await this.code.fill(code);
    const answered = this.page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/follow-up");
    await this.open.click();
    await answered;
  }

  async writeBack(text: string) {
    await this.replyText.fill(text);
    await this.replySend.click();
  }

  async erase() {
    await this.page.getByRole("button", { name: "Delete my case…" }).click();
    await this.page.getByLabel("Yes, delete everything about this case now.").check();
    await this.page.getByRole("button", { name: "Delete everything" }).click();
    await expect(this.page).toHaveURL(/\/follow-up\?deleted=1$/);
  }
}
