import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { allCanaries, authFile, callAction, staff } from "./support/staff/fixture";
import type { AccountKey } from "./support/staff/fixture-types";

// Every staff server action called directly (no UI, as an attacker would), by the
// wrong people and on the wrong records. Each must refuse, leak nothing, change nothing.
const f = staff();
type Who = "anonymous" | Extract<AccountKey, "admin" | "clinician" | "clinician2" | "outreach">;
const REVIEW = "app/(clinician)/review/actions.ts";
const ADMIN = "app/(admin)/admin/actions.ts";

let ctx: Record<Who, APIRequestContext>;
test.beforeAll(async ({ baseURL }) => {
  const whos: Who[] = ["anonymous", "admin", "clinician", "clinician2", "outreach"];
  ctx = Object.fromEntries(
    await Promise.all(whos.map(async (w) => [w, await playwrightRequest.newContext({ baseURL, storageState: w === "anonymous" ? undefined : authFile(w) })])),
  ) as Record<Who, APIRequestContext>;
});
test.afterAll(async () => Promise.all(Object.values(ctx).map((c) => c.dispose())));

const target = f.cases.target.id;
const labels = { depression: true, anxiety: true, bipolar: true, suicidal: true };
const reviewCalls = (caseId: string): [string, unknown][] => [
  ["claimCaseAction", { caseId }],
  ["releaseCaseAction", { caseId }],
  ["setStatusAction", { caseId, status: "DISMISSED" }],
  ["addNoteAction", { caseId, body: "written by an intruder" }],
  ["saveLabelsAction", { caseId, labels }],
  ["deleteCaseAction", { caseId }],
];
const adminCalls: [string, unknown][] = [
  ["createUserAction", { email: "intruder@e2e.lantern.test", role: "ADMIN" }],
  ["setDisabledAction", { userId: f.users.admin.id, disabled: true }],
  ["resetPasswordAction", { userId: f.users.admin.id }],
];

function expectRefused(text: string, kind: string) {
  expect(text).toContain(`"ok":false`);
  expect(text).toContain(`"kind":"${kind}"`);
  for (const canary of allCanaries(f)) expect(text).not.toContain(canary);
  expect(text).not.toMatch(/argon2|passwordHash|generatedPassword/);
}

test("review actions refuse anonymous callers and non-clinicians", async () => {
  for (const [who, kind] of [["anonymous", "unauthenticated"], ["outreach", "forbidden"], ["admin", "forbidden"]] as const) {
    for (const [name, arg] of reviewCalls(target)) {
      const res = await callAction(ctx[who], REVIEW, name, [arg], `/review/${target}`);
      expectRefused(res.text, kind);
    }
  }
});

test("admin actions refuse anonymous callers, clinicians and outreach workers", async () => {
  for (const [who, kind] of [["anonymous", "unauthenticated"], ["clinician", "forbidden"], ["outreach", "forbidden"]] as const) {
    for (const [name, arg] of adminCalls) {
      const res = await callAction(ctx[who], ADMIN, name, [arg], "/admin");
      expectRefused(res.text, kind);
      expect(res.text).not.toContain("intruder@e2e.lantern.test\",\"generatedPassword");
    }
  }
});

test("a clinician cannot change a case another clinician holds", async () => {
  const held = f.cases.othersClaim.id;
  for (const [name, arg] of reviewCalls(held)) {
    const res = await callAction(ctx.clinician, REVIEW, name, [arg], `/review/${held}`);
    if (name === "claimCaseAction") {
      expect(res.text).toContain("Another clinician has already claimed this case.");
      expect(res.text).toContain(`"ok":false`);
    } else {
      expectRefused(res.text, "forbidden");
    }
  }
});

test("guessed and malformed ids are refused without revealing anything", async () => {
  for (const [name, arg] of reviewCalls("00000000-0000-4000-8000-000000000000")) {
    expectRefused((await callAction(ctx.clinician, REVIEW, name, [arg], "/review")).text, "not_found");
  }
  for (const [name, arg] of reviewCalls("../../admin")) {
    expectRefused((await callAction(ctx.clinician, REVIEW, name, [arg], "/review")).text, "invalid");
  }
  // Wrong shapes entirely.
  for (const bad of [null, "x", 42, { caseId: { $ne: null } }, []]) {
    expectRefused((await callAction(ctx.clinician, REVIEW, "claimCaseAction", [bad], "/review")).text, "invalid");
  }
});

test("after all of that, nothing changed", async ({ browser }) => {
  // The target case is still new, unclaimed, with no notes or labels.
  const clinician = await browser.newContext({ storageState: authFile("clinician") });
  const page = await clinician.newPage();
  await page.goto(`/review/${target}`);
  await expect(page.getByTestId("case-status")).toHaveText("Status: New");
  await expect(page.getByText("No notes yet.")).toBeVisible();
  expect(await page.content()).not.toContain("written by an intruder");
  await clinician.close();

  // The held case is still held by clinician2, with only their own note.
  const owner = await browser.newContext({ storageState: authFile("clinician2") });
  const op = await owner.newPage();
  await op.goto(`/review/${f.cases.othersClaim.id}`);
  await expect(op.getByTestId("case-status")).toContainText("In review · claimed by you");
  await expect(op.getByTestId("notes").locator("li")).toHaveCount(1);
  await expect(op.getByTestId("agreement-depression")).toHaveCount(0);
  await owner.close();

  // No intruder account; the admin is still active (and can still use the admin page).
  const admin = await browser.newContext({ storageState: authFile("admin") });
  const ap = await admin.newPage();
  await ap.goto("/admin");
  await expect(ap.locator('tr[data-email="intruder@e2e.lantern.test"]')).toHaveCount(0);
  await expect(ap.getByTestId("signed-in-as")).toContainText(f.users.admin.email);
  await admin.close();
});

test("control: the same direct call works for the right person (so the refusals above are real)", async () => {
  const res = await callAction(ctx.clinician, REVIEW, "claimCaseAction", [{ caseId: target }], `/review/${target}`);
  expect(res.text).toContain(`"ok":true`);
  const again = await callAction(ctx.clinician2, REVIEW, "addNoteAction", [{ caseId: target, body: "x" }], `/review/${target}`);
  expectRefused(again.text, "forbidden");
});
