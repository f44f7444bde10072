/**
 * Clinicians writing to the person behind a case. Like every other change to a case, only the clinician holding it
 * may write, and the message is stored with its audit event in one transaction (the event names the directory ids
 * attached, never the words). Writing clears "person wrote back".
 */
import "server-only";
import { z } from "zod";
import type { PrismaClient } from "./generated/client";
import { type Actor, assertRole } from "@/lib/auth/actor";
import { AuthError } from "@/lib/auth/errors";
import { UserFacingError } from "@/lib/errors";
import { caseIdSchema } from "@/lib/review/schemas";
import { prepareClinicianMessage } from "@/lib/follow-up/clinician-message";
import { ANONYMIZER_VERSION } from "@/lib/anonymize";
import { recordAudit } from "./audit";
import { todayUtc } from "./retired-submissions";
import { REVIEW_ROLES } from "./review-queue";

export const writeToPersonSchema = z.object({
  caseId: caseIdSchema,
  body: z.string().max(10_000),
  resourceIds: z.array(z.string().max(100)).max(20).default([]),
});

export interface CaseMessageRow {
  id: string;
  author: "clinician" | "person";
  clinician: string | null;
  body: string;
  resourceIds: string[];
  day: string;
}

export async function writeToPerson(db: PrismaClient, actor: Actor, input: unknown): Promise<{ id: string }> {
  const me = assertRole(actor, REVIEW_ROLES);
  const parsed = writeToPersonSchema.safeParse(input);
  if (!parsed.success) throw new UserFacingError("That message could not be read. Please try again.", { kind: "invalid_input" });
  const prepared = prepareClinicianMessage(parsed.data);
  if (!prepared.ok) throw new UserFacingError(prepared.message, { kind: "invalid_input" });
  const { caseId } = parsed.data;
  return db.$transaction(async (tx) => {
    const c = await tx.case.findUnique({ where: { id: caseId }, select: { claimedById: true, followUpHash: true } });
    if (!c) throw new AuthError("not_found");
    if (c.followUpHash === null) throw new UserFacingError("This case has no follow-up code, so the person cannot read a message.", { kind: "conflict" });
    if (c.claimedById !== me.id) {
      throw new AuthError("forbidden", c.claimedById ? "Another clinician is reviewing this case." : "Please claim this case before writing to the person.");
    }
    const resourceIds = prepared.resources.map((r) => r.id);
    const message = await tx.caseMessage.create({
      // prepareClinicianMessage refuses a message in which the current rules find an identifier.
      data: { caseId, author: "CLINICIAN", clinicianId: me.id, body: prepared.body, resourceIds, createdOn: todayUtc(), anonymizerVersion: ANONYMIZER_VERSION },
      select: { id: true },
    });
    await tx.case.update({ where: { id: caseId }, data: { personWroteBack: false, updatedAt: new Date() } });
    await recordAudit(tx, { actor: me, action: "case.message", caseId, details: { resources: resourceIds } });
    return message;
  });
}

/** The conversation on a case, oldest first, for the clinician holding or reading it. */
export async function listCaseMessages(db: PrismaClient, actor: Actor, caseId: unknown): Promise<CaseMessageRow[]> {
  assertRole(actor, REVIEW_ROLES);
  const id = caseIdSchema.safeParse(caseId);
  if (!id.success) throw new AuthError("not_found");
  const rows = await db.caseMessage.findMany({
    where: { caseId: id.data },
    orderBy: { seq: "asc" },
    select: { id: true, author: true, body: true, resourceIds: true, createdOn: true, clinician: { select: { name: true, email: true } } },
  });
  return rows.map((m) => ({
    id: m.id,
    author: m.author === "CLINICIAN" ? "clinician" : "person",
    clinician: m.clinician ? (m.clinician.name ?? m.clinician.email) : null,
    body: m.body,
    resourceIds: m.resourceIds,
    day: m.createdOn.toISOString().slice(0, 10),
  }));
}
