import "server-only";
import { isUserFacingError } from "@/lib/errors";
import { CaseQueuedError } from "@/lib/outbox/outbox";
import { isSubmissionRetired } from "@/lib/db/retired-error";
import type { NewCase } from "@/lib/db/cases";
import { hashFollowUpCode, newFollowUpCode } from "@/lib/follow-up/code";
import { redeemReceipt } from "./receipt";
import type { SelfCheckDeps } from "./run";
import { saveCheckInputSchema } from "./schema";
import type { SaveCheckOutcome, SaveStatus } from "./types";

export type SaveDeps = Pick<SelfCheckDeps, "saveCase" | "limitSave" | "log">;
type Saved =
  | { ok: true; save: SaveStatus }
  | { ok: false; problem: "rate_limited"; message: string; retryAfterSeconds?: number }
  | { ok: false; problem: "retired" };

/** Limit first (per client and for everyone), then the save, which looks the key up before any anonymizing. */
export async function saveConsented(request: NewCase, deps: SaveDeps): Promise<Saved> {
  try {
    await deps.limitSave();
  } catch (err) {
    if (!isUserFacingError(err)) throw err;
    deps.log("selfcheck.save_rate_limited");
    return { ok: false, problem: "rate_limited", message: err.message, retryAfterSeconds: err.retryAfterSeconds };
  }
  try {
    // The follow-up code is made here and leaves the server once, in this answer; only its hash is stored.
    const followUpCode = newFollowUpCode();
    const saved = await deps.saveCase({ ...request, followUpHash: await hashFollowUpCode(followUpCode) });
    return { ok: true, save: { status: "saved", reference: saved.reference, followUpCode } };
  } catch (err) {
    if (isSubmissionRetired(err)) {
      deps.log("selfcheck.save_retired");
      return { ok: false, problem: "retired" };
    }
    const queued = err instanceof CaseQueuedError;
    deps.log(queued ? "selfcheck.save_queued" : "selfcheck.save_failed");
    return { ok: true, save: queued ? { status: "queued" } : { status: "failed" } };
  }
}

const SAVE_MESSAGES = {
  invalid: "This save request didn't look right, so nothing was stored. Please check the post again.",
  expired:
    "This result is too old to save now, so nothing was stored. Please check the post again if you'd like it saved.",
  text_mismatch: "The words sent to save aren't the ones that were checked, so nothing was stored.",
  retired: "This result's case was deleted, so it can't be saved again and nothing was stored.",
} as const;

/**
 * The second half of a self-check made with `saveLater`: saves the case its receipt describes, once (the submission
 * key makes a retry return the same reference). The receipt is the permission: it was issued only with consent.
 */
export async function runSaveCheck(
  raw: unknown,
  deps: SaveDeps & Pick<SelfCheckDeps, "asSave">,
): Promise<SaveCheckOutcome> {
  const parsed = saveCheckInputSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, problem: "invalid", message: SAVE_MESSAGES.invalid };
  const redeemed = redeemReceipt(parsed.data.receipt, parsed.data.text);
  if (!redeemed.ok) {
    deps.log("selfcheck.receipt_refused", { problem: redeemed.problem });
    return { ok: false, problem: redeemed.problem, message: SAVE_MESSAGES[redeemed.problem] };
  }
  const country = redeemed.request.country;
  const save = () => saveConsented(redeemed.request, deps);
  const saved = await (deps.asSave ? deps.asSave(save) : save());
  if (saved.ok) return { ok: true, save: saved.save };
  if (saved.problem === "retired") return { ok: false, problem: "retired", message: SAVE_MESSAGES.retired, country };
  return {
    ok: false,
    problem: "rate_limited",
    message: saved.message,
    retryAfterSeconds: saved.retryAfterSeconds,
    country,
  };
}
