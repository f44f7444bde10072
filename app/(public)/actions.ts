"use server";
import { headers } from "next/headers";
import { clientKey } from "@/lib/rate-limit";
import type { CheckResult, CheckState } from "@/components/self-check/types";
import { selfCheckDeps } from "./_lib/deps";
import { runSelfCheck } from "./_lib/self-check";

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
  };
  return runSelfCheck(raw, { acceptLanguage: h.get("accept-language") }, selfCheckDeps(await clientKey()));
}

function stringField(form: FormData, name: string): string | undefined {
  const value = form.get(name);
  return typeof value === "string" ? value : undefined;
}
