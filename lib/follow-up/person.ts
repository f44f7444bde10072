import "server-only";
import { z } from "zod";
import { ANONYMIZER_VERSION, anonymizeAsync } from "@/lib/anonymize";
import { mentionsCrisis } from "@/lib/classifier/crisis-words";
import { recordAudit } from "@/lib/db/audit";
import type { PrismaClient } from "@/lib/db/generated/client";
import { retireSubmission, todayUtc } from "@/lib/db/retired-submissions";
import { getResource } from "@/lib/resources/directory";
import type { Resource } from "@/lib/resources/schema";
import { checkFollowUpCode } from "./code";
import type { FollowUpLimiter } from "./limits";

/**
 * What a person can do with their reference and follow-up code: open the case, read its status and the clinicians'
 * messages, write back, and delete the case with everything tied to it. There is no account: the code is the only
 * key, checked under the lockout (limits.ts), with the same digest work whether or not the reference exists.
 */
export const openInputSchema = z.object({
  reference: z.string().max(100),
  code: z.string().max(200),
});

const REFERENCE_CHARS = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** "lnt w39e k7mn", "W39EK7MN", " LNT-W39E-K7MN " -> "LNT-W39E-K7MN"; null when it cannot be a reference. */
export function normalizeReference(input: string): string | null {
  const folded = input.normalize("NFKC").toUpperCase().replace(/[\s\-‐-―_.]/g, "").replace(/^LNT/, "").replace(/[IL]/g, "1").replace(/O/g, "0");
  if (folded.length !== 8 || [...folded].some((c) => !REFERENCE_CHARS.includes(c))) return null;
  return `LNT-${folded.slice(0, 4)}-${folded.slice(4)}`;
}

export const OPEN_MESSAGES = {
  invalid: "Please enter the case reference (it starts with LNT-) and the follow-up code you were given.",
  wrong: "That reference and code don't match a saved case. Please check both and try again.",
  locked: (wait: string) =>
    `Too many wrong codes were tried, so checking is paused for ${wait}. Nothing about the case was changed or shown.`,
} as const;

export type OpenResult =
  | { ok: true; caseId: string }
  | { ok: false; problem: "invalid" | "wrong" | "locked"; message: string; retryAfterSeconds?: number };

function waitText(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  if (minutes >= 90) return `about ${Math.ceil(minutes / 60)} hours`;
  return minutes === 1 ? "about a minute" : `about ${minutes} minutes`;
}

export async function openCase(db: PrismaClient, limiter: FollowUpLimiter, raw: unknown, clientKey: string): Promise<OpenResult> {
  const parsed = openInputSchema.safeParse(raw);
  if (!parsed.success || !parsed.data.reference.trim() || !parsed.data.code.trim()) {
    return { ok: false, problem: "invalid", message: OPEN_MESSAGES.invalid };
  }
  const reference = normalizeReference(parsed.data.reference);
  // A malformed reference is limited and checked like any other, so no answer or timing singles it out.
  const key = reference ?? `?${parsed.data.reference.trim().toUpperCase().slice(0, 40)}`;
  const taken = await limiter.take(key, clientKey);
  if (!taken.ok) {
    return { ok: false, problem: "locked", message: OPEN_MESSAGES.locked(waitText(taken.retryAfterSeconds)), retryAfterSeconds: taken.retryAfterSeconds };
  }
  const row = reference ? await db.case.findUnique({ where: { reference }, select: { id: true, followUpHash: true } }) : null;
  if (await checkFollowUpCode(row?.followUpHash, parsed.data.code)) {
    await limiter.succeeded(taken.attempt);
    return { ok: true, caseId: row!.id };
  }
  const lockedSeconds = await limiter.failed(taken.attempt);
  if (lockedSeconds !== null) {
    await recordAudit(db, { actor: null, action: "followup.lockout", caseId: row?.id ?? null, details: { lockedSeconds, known: !!row } });
  }
  return { ok: false, problem: "wrong", message: OPEN_MESSAGES.wrong };
}

export type FollowUpStatus = "waiting" | "read" | "replied";

export interface FollowUpMessage {
  id: string;
  author: "clinician" | "person";
  body: string;
  /** Drawn from the verified directory by id; an id no longer in it is left out. */
  resources: Resource[];
  /** Day only. */
  day: string;
}

export interface FollowUpView {
  caseId: string;
  reference: string;
  country: string;
  status: FollowUpStatus;
  messages: FollowUpMessage[];
}

export function resourcesByIds(ids: readonly string[]): Resource[] {
  return ids.map((id) => getResource(id)).filter((r): r is Resource => !!r);
}

/** The case as its person sees it; null when it no longer exists. */
export async function followUpView(db: PrismaClient, caseId: string): Promise<FollowUpView | null> {
  const [c, opened] = await Promise.all([
    db.case.findUnique({
      where: { id: caseId },
      select: {
        id: true,
        reference: true,
        country: true,
        status: true,
        claimedById: true,
        messages: { orderBy: { seq: "asc" }, select: { id: true, author: true, body: true, resourceIds: true, createdOn: true } },
      },
    }),
    db.auditEvent.count({ where: { caseId, action: "case.view" } }),
  ]);
  if (!c) return null;
  const messages: FollowUpMessage[] = c.messages.map((m) => ({
    id: m.id,
    author: m.author === "CLINICIAN" ? "clinician" : "person",
    body: m.body,
    resources: resourcesByIds(m.resourceIds),
    day: m.createdOn.toISOString().slice(0, 10),
  }));
  const status: FollowUpStatus = messages.some((m) => m.author === "clinician")
    ? "replied"
    : opened > 0 || c.status !== "NEW" || c.claimedById
      ? "read"
      : "waiting";
  return { caseId: c.id, reference: c.reference, country: c.country, status, messages };
}

export const REPLY_MAX_CHARS = 2_000;
export const replySchema = z.object({
  text: z
    .string()
    .trim()
    .min(1, "Please write something before sending.")
    .max(REPLY_MAX_CHARS, `Please keep your message under ${REPLY_MAX_CHARS.toLocaleString("en-US")} characters.`),
});

/** Reads the person's words for crisis risk: the explicit phrases, then the classifier's tier. */
export type CrisisCheck = (text: string) => Promise<"crisis" | "other" | "unavailable">;

export type ReplyResult =
  | { ok: true; crisis: "risk" | "fallback" | null }
  | { ok: false; message: string; crisis: "risk" | "fallback" | null };

const REPLY_MESSAGES = {
  limited: "You have written several messages today, so new ones are paused until tomorrow. Your earlier messages are saved.",
  gone: "This case no longer exists, so nothing was saved.",
} as const;

/**
 * Stores the person's reply, anonymized, and marks the case for the queue. Crisis words or a crisis tier (or a
 * classifier that cannot answer) put the crisis card first on the page, exactly as on the self-check; the reply is
 * stored either way, since the person asked for it to reach a clinician.
 */
export async function writeBack(db: PrismaClient, limiter: FollowUpLimiter, caseId: string, raw: unknown, crisisCheck: CrisisCheck): Promise<ReplyResult> {
  const parsed = replySchema.safeParse(raw);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? "Please check your message.", crisis: null };
  const text = parsed.data.text;
  const explicit = mentionsCrisis(text);
  const tier = explicit ? "crisis" : await crisisCheck(text).catch(() => "unavailable" as const);
  const crisis = explicit || tier === "crisis" ? "risk" : tier === "unavailable" ? "fallback" : null;
  if (!(await limiter.takeReply(caseId))) return { ok: false, message: REPLY_MESSAGES.limited, crisis };
  const body = (await anonymizeAsync(text)).text;
  const written = await db.$transaction(async (tx) => {
    const updated = await tx.case.updateMany({ where: { id: caseId }, data: { personWroteBack: true } });
    if (updated.count === 0) return false;
    await tx.caseMessage.create({ data: { caseId, author: "PERSON", body, resourceIds: [], createdOn: todayUtc(), anonymizerVersion: ANONYMIZER_VERSION } });
    return true;
  });
  return written ? { ok: true, crisis } : { ok: false, message: REPLY_MESSAGES.gone, crisis };
}

/**
 * Deletes the case and everything tied to it (notes, labels and messages go by cascade), retires its submission key
 * so its save receipt cannot bring it back, and records the deletion (the reference only) in the same transaction.
 */
export async function eraseByPerson(db: PrismaClient, caseId: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const c = await tx.case.findUnique({ where: { id: caseId }, select: { reference: true, submissionKey: true } });
    if (!c) return false;
    await tx.case.delete({ where: { id: caseId } });
    await retireSubmission(tx, c.submissionKey);
    await recordAudit(tx, { actor: null, action: "case.erase", caseId, details: { reference: c.reference } });
    return true;
  });
}
