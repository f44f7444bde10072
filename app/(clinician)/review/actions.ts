"use server";
/**
 * Clinician workflow actions. Each one checks the session and the CLINICIAN role
 * (roleAction), parses its input, and calls the data layer, which checks the role
 * and the claim again inside the transaction.
 */
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { roleAction } from "@/lib/auth/action";
import { getDb } from "@/lib/db/client";
import { addCaseNote, claimCase, deleteCase, releaseCase, setCaseLabels, setCaseStatus } from "@/lib/db/review";
import { caseRefSchema, labelsSchema, noteSchema, statusChangeSchema } from "@/lib/review/schemas";
import { writeToPerson, writeToPersonSchema } from "@/lib/db/case-messages";
import { prepareClinicianMessage } from "@/lib/follow-up/clinician-message";
import type { Resource } from "@/lib/resources/schema";
import { UserFacingError } from "@/lib/errors";

const CLINICIAN = ["CLINICIAN"] as const;

function refresh(caseId: string) {
  revalidatePath(`/review/${caseId}`);
  revalidatePath("/review");
}

export const claimCaseAction = roleAction({ name: "review.claim", roles: CLINICIAN, input: caseRefSchema }, async ({ caseId }, me) => {
  await claimCase(await getDb(), me, caseId);
  refresh(caseId);
});

export const releaseCaseAction = roleAction({ name: "review.release", roles: CLINICIAN, input: caseRefSchema }, async ({ caseId }, me) => {
  await releaseCase(await getDb(), me, caseId);
  refresh(caseId);
});

export const setStatusAction = roleAction({ name: "review.status", roles: CLINICIAN, input: statusChangeSchema }, async (input, me) => {
  await setCaseStatus(await getDb(), me, input);
  refresh(input.caseId);
});

export const addNoteAction = roleAction({ name: "review.note", roles: CLINICIAN, input: noteSchema }, async (input, me) => {
  const note = await addCaseNote(await getDb(), me, input);
  refresh(input.caseId);
  return note;
});

export const saveLabelsAction = roleAction({ name: "review.labels", roles: CLINICIAN, input: labelsSchema }, async (input, me) => {
  await setCaseLabels(await getDb(), me, input);
  refresh(input.caseId);
});

export const deleteCaseAction = roleAction({ name: "review.delete", roles: CLINICIAN, input: caseRefSchema }, async ({ caseId }, me) => {
  await deleteCase(await getDb(), me, caseId);
  revalidatePath("/review");
  redirect("/review?deleted=1");
});

/** The message exactly as the person would see it, after the contact guard and the anonymizer; stores nothing. */
export const previewMessageAction = roleAction(
  { name: "review.message.preview", roles: CLINICIAN, input: writeToPersonSchema },
  async (input): Promise<{ body: string; resources: Resource[] }> => {
    const prepared = prepareClinicianMessage(input);
    if (!prepared.ok) throw new UserFacingError(prepared.message, { kind: "invalid_input" });
    return { body: prepared.body, resources: prepared.resources };
  },
);

/** Sends it: the same checks again in the data layer, which also requires the claim and writes the audit event. */
export const writeToPersonAction = roleAction({ name: "review.message", roles: CLINICIAN, input: writeToPersonSchema }, async (input, me) => {
  await writeToPerson(await getDb(), me, input);
  refresh(input.caseId);
});
