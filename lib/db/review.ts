/**
 * One case, for clinicians: read (audited), claim, release, status, notes, labels,
 * delete. Every function takes the acting user and checks the role itself; every
 * change requires that the actor holds the claim, and is written in the same
 * transaction as its audit event. Unknown ids and malformed ids look the same.
 */
import "server-only";
import { describeTierReason } from "@/lib/assessment/tier-reason";
import { z } from "zod";
import { ANONYMIZER_VERSION, anonymizeAsync } from "@/lib/anonymize";
import type { PrismaClient, Prisma } from "./generated/client";
import { CaseStatus, type Tier } from "./generated/enums";
import { type Actor, assertRole } from "@/lib/auth/actor";
import { AuthError } from "@/lib/auth/errors";
import type { SessionUser } from "@/lib/auth/roles";
import { UserFacingError } from "@/lib/errors";
import { CONDITIONS, type Condition, type Confidence } from "@/lib/assessment/vocabulary";
import { confidenceSchema } from "@/lib/assessment/schema";
import { caseIdSchema, labelsSchema, noteSchema, statusChangeSchema } from "@/lib/review/schemas";
import { recordAudit } from "./audit";
import { retireSubmission } from "./retired-submissions";
import { REVIEW_ROLES } from "./review-queue";

const evidenceSchema = z
  .array(z.object({ sentence: z.string(), start: z.number().optional(), end: z.number().optional(), weight: z.number().optional() }))
  .catch([]);
const probabilitiesSchema = z.record(z.string(), z.number()).catch({});

export interface CaseDetail {
  id: string;
  reference: string;
  createdOn: string;
  redactedText: string;
  probabilities: Record<string, number>;
  labels: string[];
  topLabel: string;
  tier: Tier;
  /** Why the tier, in one line ("reason not recorded" for cases saved before reasons were kept). */
  tierReason: string;
  confidence: number;
  /** How sure the model was, as the person was told; null for cases saved before it was stored. */
  confidenceLevel: Confidence | null;
  evidence: { sentence: string; start?: number; end?: number; weight?: number }[];
  modelName: string;
  modelVersion: string;
  resourcesShown: string[];
  generatedMessage: string | null;
  country: string;
  status: CaseStatus;
  claimedBy: { id: string; email: string; name: string | null } | null;
  /** True when the actor holds the claim and may change the case. */
  mine: boolean;
  notes: { id: string; body: string; createdAt: Date; author: { email: string; name: string | null } }[];
  /** The actor's own judgements (condition -> present). */
  myLabels: Partial<Record<Condition, boolean>>;
  /** The person holds a follow-up code, so a message to them can be read (cases saved by outreach have none). */
  reachable: boolean;
  /** The person wrote back and no clinician has written since. */
  personWroteBack: boolean;
}

function parseId(id: unknown): string {
  const parsed = caseIdSchema.safeParse(id);
  if (!parsed.success) throw new AuthError("not_found");
  return parsed.data;
}

/**
 * Reads a case for review and records the view, once per visit: the page passes recordView false when it is only
 * re-rendered by one of its own actions (which records itself).
 */
export async function getCaseForReview(db: PrismaClient, actor: Actor, id: unknown, opts: { recordView?: boolean } = {}): Promise<CaseDetail> {
  const me = assertRole(actor, REVIEW_ROLES);
  const caseId = parseId(id);
  const c = await db.case.findUnique({
    where: { id: caseId },
    include: {
      claimedBy: { select: { id: true, email: true, name: true } },
      notes: { orderBy: { createdAt: "asc" }, include: { author: { select: { email: true, name: true } } } },
      caseLabels: { where: { clinicianId: me.id }, select: { label: true, present: true } },
    },
  });
  if (!c) throw new AuthError("not_found");
  if (opts.recordView ?? true) await recordAudit(db, { actor: me, action: "case.view", caseId });
  return {
    id: c.id,
    reference: c.reference,
    createdOn: c.createdOn.toISOString().slice(0, 10),
    redactedText: c.redactedText,
    probabilities: probabilitiesSchema.parse(c.probabilities),
    labels: c.labels,
    topLabel: c.topLabel,
    tier: c.tier,
    tierReason: describeTierReason(c.tierReason),
    confidence: c.confidence,
    confidenceLevel: confidenceSchema.nullable().catch(null).parse(c.confidenceLevel),
    evidence: evidenceSchema.parse(c.evidence),
    modelName: c.modelName,
    modelVersion: c.modelVersion,
    resourcesShown: c.resourcesShown,
    generatedMessage: c.generatedMessage,
    country: c.country,
    status: c.status,
    claimedBy: c.claimedBy,
    mine: c.claimedById === me.id,
    notes: c.notes.map((n) => ({ id: n.id, body: n.body, createdAt: n.createdAt, author: n.author })),
    myLabels: Object.fromEntries(
      c.caseLabels.filter((l) => (CONDITIONS as readonly string[]).includes(l.label)).map((l) => [l.label, l.present]),
    ),
    reachable: c.followUpHash !== null,
    personWroteBack: c.personWroteBack,
  };
}

type Tx = Prisma.TransactionClient;

/** Loads the case inside a transaction and checks the actor holds its claim. */
async function claimedByMe(tx: Tx, me: SessionUser, caseId: string) {
  const c = await tx.case.findUnique({ where: { id: caseId }, select: { id: true, status: true, claimedById: true, reference: true } });
  if (!c) throw new AuthError("not_found");
  if (c.claimedById !== me.id) {
    throw new AuthError(
      "forbidden",
      c.claimedById ? "Another clinician is reviewing this case." : "Please claim this case before changing it.",
    );
  }
  return c;
}

/** NEW -> IN_REVIEW, held by the actor. Only one clinician can win a race. */
export async function claimCase(db: PrismaClient, actor: Actor, id: unknown): Promise<void> {
  const me = assertRole(actor, REVIEW_ROLES);
  const caseId = parseId(id);
  await db.$transaction(async (tx) => {
    const won = await tx.case.updateMany({
      where: { id: caseId, status: CaseStatus.NEW, claimedById: null },
      data: { status: CaseStatus.IN_REVIEW, claimedById: me.id, updatedAt: new Date() },
    });
    if (won.count === 1) {
      await recordAudit(tx, { actor: me, action: "case.claim", caseId });
      return;
    }
    const c = await tx.case.findUnique({ where: { id: caseId }, select: { claimedById: true } });
    if (!c) throw new AuthError("not_found");
    if (c.claimedById === me.id) return; // already mine: claiming twice is harmless
    throw new UserFacingError(
      c.claimedById ? "Another clinician has already claimed this case." : "This case is closed; it cannot be claimed.",
      { kind: "conflict" },
    );
  });
}

/** IN_REVIEW -> NEW: hands the case back to the queue. */
export async function releaseCase(db: PrismaClient, actor: Actor, id: unknown): Promise<void> {
  const me = assertRole(actor, REVIEW_ROLES);
  const caseId = parseId(id);
  await db.$transaction(async (tx) => {
    const c = await claimedByMe(tx, me, caseId);
    if (c.status !== CaseStatus.IN_REVIEW) {
      throw new UserFacingError("Only a case in review can be handed back.", { kind: "conflict" });
    }
    await tx.case.update({ where: { id: caseId }, data: { status: CaseStatus.NEW, claimedById: null, updatedAt: new Date() } });
    await recordAudit(tx, { actor: me, action: "case.release", caseId });
  });
}

export async function setCaseStatus(db: PrismaClient, actor: Actor, input: unknown): Promise<void> {
  const me = assertRole(actor, REVIEW_ROLES);
  const { caseId, status } = statusChangeSchema.parse(input);
  await db.$transaction(async (tx) => {
    const c = await claimedByMe(tx, me, caseId);
    if (c.status === status) return;
    await tx.case.update({ where: { id: caseId }, data: { status, updatedAt: new Date() } });
    await recordAudit(tx, { actor: me, action: "case.status", caseId, details: { from: c.status, to: status } });
  });
}

export async function addCaseNote(db: PrismaClient, actor: Actor, input: unknown): Promise<{ id: string }> {
  const me = assertRole(actor, REVIEW_ROLES);
  const { caseId, body: written } = noteSchema.parse(input);
  // A note is stored anonymized like the case it is about: a name, contact or place typed into it would otherwise
  // identify someone where the case text does not. Anonymized before the transaction (the tagger's thread).
  const body = (await anonymizeAsync(written)).text;
  return db.$transaction(async (tx) => {
    await claimedByMe(tx, me, caseId);
    const note = await tx.caseNote.create({ data: { caseId, authorId: me.id, body, anonymizerVersion: ANONYMIZER_VERSION }, select: { id: true } });
    await tx.case.update({ where: { id: caseId }, data: { updatedAt: new Date() } });
    // The note's words stay in CaseNote; the audit trail records only that one was written.
    await recordAudit(tx, { actor: me, action: "case.note", caseId, details: { noteId: note.id } });
    return note;
  });
}

/** Saves the actor's judgement for every condition (agree/disagree with the model is derived). */
export async function setCaseLabels(db: PrismaClient, actor: Actor, input: unknown): Promise<void> {
  const me = assertRole(actor, REVIEW_ROLES);
  const { caseId, labels } = labelsSchema.parse(input);
  await db.$transaction(async (tx) => {
    await claimedByMe(tx, me, caseId);
    const model = await tx.case.findUniqueOrThrow({ where: { id: caseId }, select: { labels: true } });
    for (const label of CONDITIONS) {
      const present = labels[label];
      await tx.caseLabel.upsert({
        where: { caseId_clinicianId_label: { caseId, clinicianId: me.id, label } },
        create: { caseId, clinicianId: me.id, label, present },
        update: { present },
      });
    }
    await tx.case.update({ where: { id: caseId }, data: { updatedAt: new Date() } });
    const agree = Object.fromEntries(CONDITIONS.map((l) => [l, labels[l] === model.labels.includes(l)]));
    await recordAudit(tx, { actor: me, action: "case.label", caseId, details: { labels, agreesWithModel: agree } });
  });
}

/**
 * Deletes the case with its notes and labels; the audit event of the deletion stays. Its submission key is retired
 * in the same transaction, so the person's save receipt, if still valid, cannot bring the case back.
 */
export async function deleteCase(db: PrismaClient, actor: Actor, id: unknown): Promise<void> {
  const me = assertRole(actor, REVIEW_ROLES);
  const caseId = parseId(id);
  await db.$transaction(async (tx) => {
    const c = await claimedByMe(tx, me, caseId);
    const { submissionKey } = await tx.case.delete({ where: { id: caseId }, select: { submissionKey: true } });
    await retireSubmission(tx, submissionKey);
    await recordAudit(tx, { actor: me, action: "case.delete", caseId, details: { reference: c.reference } });
  });
}
