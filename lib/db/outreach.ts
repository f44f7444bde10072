import "server-only";
import { type Actor, assertRole } from "@/lib/auth/actor";
import { recordAudit } from "./audit";
import { saveCase, type NewCase, type SavedCase } from "./cases";
import type { PrismaClient } from "./generated/client";
import { Role } from "./generated/enums";

export interface OutreachSave {
  submissionKey: string;
  /** Raw post text: saveCase anonymizes it before anything is written. */
  text: string;
  /** ISO country the worker chose, or "" for none. */
  country: string;
  classification: NewCase["classification"];
  resourcesShown: string[];
}

/**
 * Saves one triaged post that an outreach worker explicitly chose to save: the same anonymized case a consented
 * self-check makes, plus an audit event naming the worker (their save is a staff action, unlike a person's own
 * submission). A retry with the same key returns the first case and writes no second event.
 */
export async function saveOutreachCase(db: PrismaClient, actor: Actor, input: OutreachSave): Promise<SavedCase> {
  const user = assertRole(actor, [Role.OUTREACH, Role.ADMIN]);
  const saved = await saveCase(db, {
    submissionKey: input.submissionKey,
    text: input.text,
    classification: input.classification,
    resourcesShown: input.resourcesShown,
    // "ZZ" is the user-assigned ISO code the case store uses for "unknown".
    country: input.country || "ZZ",
  });
  if (saved.created) {
    const row = await db.case.findUnique({ where: { reference: saved.reference }, select: { id: true } });
    await recordAudit(db, { actor: user, action: "outreach.case.save", caseId: row?.id ?? null, details: { reference: saved.reference } });
  }
  return saved;
}
