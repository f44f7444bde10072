"use server";
import { headers } from "next/headers";
import { clientKey } from "@/lib/rate-limit";
import { runSaveCheck, runSelfCheck, selfCheckDeps, type CheckResult, type CheckState, type SaveCheckOutcome } from "@/lib/self-check";

/**
 * Public server action: no sign-in by design (anyone may check a post). Guarded by the per-client rate limit,
 * proxy.ts's cross-origin write refusal, and input validation inside runSelfCheck.
 */
export async function checkPost(_prev: CheckState, form: FormData): Promise<CheckResult> {
  const h = await headers();
  const raw = {
    text: stringField(form, "text"),
    link: stringField(form, "link"),
    country: stringField(form, "country"),
    consent: form.get("consent") === "yes",
    submissionKey: stringField(form, "submissionKey"),
    // The answer never waits on the database: the page saves with saveCheckedPost as soon as it shows.
    saveLater: true,
  };
  return runSelfCheck(raw, { acceptLanguage: h.get("accept-language") }, selfCheckDeps(await clientKey()));
}

/**
 * Public server action, the second half of checkPost: saves the case its signed receipt describes (issued only
 * with consent, for exactly these words). No sign-in by design; the receipt is the permission, parsed with zod
 * inside runSaveCheck, and proxy.ts refuses cross-origin calls.
 */
export async function saveCheckedPost(receipt: unknown, text: unknown): Promise<SaveCheckOutcome> {
  return runSaveCheck({ receipt, text }, selfCheckDeps(await clientKey()));
}

function stringField(form: FormData, name: string): string | undefined {
  const value = form.get(name);
  return typeof value === "string" ? value : undefined;
}
