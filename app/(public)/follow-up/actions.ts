"use server";
import { revalidatePath } from "next/cache";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/lib/db/client";
import { logger } from "@/lib/log";
import { clientKey } from "@/lib/rate-limit";
import { eraseByPerson, openCase, writeBack } from "@/lib/follow-up/person";
import { classifierCrisisCheck, followUpLimiter } from "@/lib/follow-up/server";
import { FOLLOW_UP_COOKIE, followUpCookieOptions, issueFollowUpSession, readFollowUpSession } from "@/lib/follow-up/session";
import type { EraseState, OpenState, ReplyState } from "@/components/follow-up/states";

/**
 * Public server actions of /follow-up: no account by design. Opening takes the reference and code under the lockout
 * (lib/follow-up/limits.ts); reading, writing back and deleting take the case from the signed session cookie a right
 * code set, never from the form, so nobody can act on a case by sending its id. proxy.ts refuses cross-origin calls.
 * Neither the code nor the words are logged.
 */
const FAILED = "Something went wrong on our side. Please try again in a moment. If you need to talk to someone now, the crisis lines are always open.";
const EXPIRED = "For your privacy the page closed after a while. Please enter your reference and code again.";

async function sessionCase(): Promise<string | null> {
  return readFollowUpSession((await cookies()).get(FOLLOW_UP_COOKIE)?.value);
}

export async function openFollowUpAction(_prev: OpenState, form: FormData): Promise<OpenState> {
  let opened: Awaited<ReturnType<typeof openCase>>;
  try {
    opened = await openCase(await getDb(), followUpLimiter(), { reference: field(form, "reference"), code: field(form, "code") }, await clientKey());
  } catch (err) {
    logger.error({ err, event: "followup.open_failed" }, "follow-up open failed");
    return { message: FAILED };
  }
  if (!opened.ok) return { message: opened.message };
  (await cookies()).set(FOLLOW_UP_COOKIE, issueFollowUpSession(opened.caseId), followUpCookieOptions((await headers()).get("origin")));
  redirect("/follow-up");
}

export async function writeBackAction(_prev: ReplyState, form: FormData): Promise<ReplyState> {
  const caseId = await sessionCase();
  if (!caseId) return { ok: false, message: EXPIRED, crisis: null };
  try {
    const result = await writeBack(await getDb(), followUpLimiter(), caseId, { text: field(form, "text") }, classifierCrisisCheck);
    if (result.ok) revalidatePath("/follow-up");
    return result.ok ? { ok: true, crisis: result.crisis } : { ok: false, message: result.message, crisis: result.crisis };
  } catch (err) {
    logger.error({ err, event: "followup.reply_failed" }, "follow-up reply failed");
    return { ok: false, message: FAILED, crisis: "fallback" };
  }
}

export async function eraseFollowUpAction(_prev: EraseState, form: FormData): Promise<EraseState> {
  if (form.get("confirm") !== "yes") return { message: "Please tick the box to confirm that everything should be deleted." };
  const caseId = await sessionCase();
  if (!caseId) return { message: EXPIRED };
  try {
    await eraseByPerson(await getDb(), caseId);
  } catch (err) {
    logger.error({ err, event: "followup.erase_failed" }, "follow-up erase failed");
    return { message: "We couldn't delete the case just now; nothing was changed. Please try again in a moment. If you need to talk to someone now, the crisis lines are always open." };
  }
  (await cookies()).delete({ name: FOLLOW_UP_COOKIE, path: "/follow-up" });
  revalidatePath("/review");
  redirect("/follow-up?deleted=1");
}

export async function closeFollowUpAction(): Promise<void> {
  (await cookies()).delete({ name: FOLLOW_UP_COOKIE, path: "/follow-up" });
  redirect("/follow-up");
}

function field(form: FormData, name: string): string | undefined {
  const value = form.get(name);
  return typeof value === "string" ? value : undefined;
}
