import "server-only";
import { randomInt } from "node:crypto";
import { z } from "zod";
import { ANONYMIZER_VERSION, anonymizeAsync, anonymizeWithQuotes } from "@/lib/anonymize";
import { classificationSchema } from "@/lib/assessment/schema";
import { tierToDb } from "@/lib/assessment/db-enums";
import { FOLLOW_UP_HASH_PATTERN } from "@/lib/follow-up/code";
import { Prisma, type PrismaClient } from "./generated/client";
import { isRetired, todayUtc } from "./retired-submissions";
import { SubmissionRetiredError } from "./retired-error";

export { SubmissionRetiredError, isSubmissionRetired } from "./retired-error";

/**
 * Saving a self-check as an anonymized case, only ever called after the person ticked the consent box.
 * The raw text comes in and is anonymized HERE, so no caller can store it by mistake; the evidence sentences
 * (quotes of the raw text) are anonymized too and lose their offsets. No IP, user agent, link or username
 * reaches this module. The day is stored without a time, and there is no audit event (its timestamp would
 * reveal when the person wrote).
 */
export const newCaseSchema = z.object({
  /** Client-made idempotency key: the same key always yields the same case, written once. */
  submissionKey: z.uuid(),
  text: z.string().trim().min(1).max(20_000),
  classification: classificationSchema,
  resourcesShown: z.array(z.string().regex(/^[a-z0-9-]+$/)).max(50),
  country: z.string().regex(/^[A-Z]{2}$/),
  generatedMessage: z.string().max(20_000).optional(),
  /** Salted digest (argon2id before decision 011) of the follow-up code shown to the person (lib/follow-up/code.ts); never the code itself. */
  followUpHash: z.string().regex(FOLLOW_UP_HASH_PATTERN).max(300).optional(),
});

export type NewCase = z.input<typeof newCaseSchema>;
export interface SavedCase {
  reference: string;
  /** False when this submissionKey had already been saved (a retry): nothing new was written. */
  created: boolean;
}

// Crockford-style alphabet without I, L, O, U: readable aloud, no look-alikes. 8 symbols = 40 random bits.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const REFERENCE_PATTERN = /^LNT-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

export function newCaseReference(): string {
  const pick = () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
  return `LNT-${pick()}-${pick()}`;
}

export { todayUtc };

// Anonymized off the event loop (the tagger's worker thread): the text with its evidence quotes (one tagging of the
// post covers both), and the message.
async function caseRow(input: z.output<typeof newCaseSchema>): Promise<Omit<Prisma.CaseCreateInput, "reference">> {
  const c = input.classification;
  const [{ text, quotes: evidence }, message] = await Promise.all([
    anonymizeWithQuotes(input.text, c.evidence.map((e) => e.sentence)),
    input.generatedMessage ? anonymizeAsync(input.generatedMessage) : null,
  ]);
  return {
    submissionKey: input.submissionKey,
    createdOn: todayUtc(),
    redactedText: text.text,
    anonymizerVersion: ANONYMIZER_VERSION,
    probabilities: c.probabilities,
    labels: c.labels,
    topLabel: c.topLabel,
    tier: tierToDb(c.tier),
    tierReason: c.tierReason ?? Prisma.DbNull,
    confidence: Math.max(...Object.values(c.probabilities)),
    confidenceLevel: c.confidence ?? null,
    evidence: c.evidence.map((e, i) => ({ sentence: evidence[i]!, weight: e.weight })),
    modelName: c.model.name,
    modelVersion: c.model.version,
    resourcesShown: input.resourcesShown,
    generatedMessage: message ? message.text : null,
    country: input.country,
    followUpHash: input.followUpHash ?? null,
  };
}

function isUniqueViolation(err: unknown): boolean {
  return err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002";
}

/**
 * Stores one consented case in one transaction and returns its reference. Safe to retry with the same
 * submissionKey (a lost response, a double click, issue 5's retry): the first write wins, later calls return it.
 * A key whose case was deleted is refused (SubmissionRetiredError). Both are looked up before the text is
 * anonymized, so a replay costs two indexed reads, not a tagger run.
 * Throws when the database is unavailable; the caller still shows the result and says the case wasn't saved.
 */
export async function saveCase(db: PrismaClient, input: NewCase): Promise<SavedCase> {
  const parsed = newCaseSchema.parse(input);
  const find = () => db.case.findUnique({ where: { submissionKey: parsed.submissionKey }, select: { reference: true } });
  const [existing, retired] = await Promise.all([
    find(),
    isRetired(db, parsed.submissionKey),
  ]);
  if (existing) {
    // A retry of a save whose answer was lost: the person never saw the first code, so the new one replaces it. Only
    // the holder of the signed receipt (the person's browser, for 30 minutes) can get here.
    if (parsed.followUpHash) await db.case.update({ where: { submissionKey: parsed.submissionKey }, data: { followUpHash: parsed.followUpHash } });
    return { reference: existing.reference, created: false };
  }
  if (retired) throw new SubmissionRetiredError();
  const row = await caseRow(parsed);
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      // One INSERT of one row: atomic on its own, and one round trip in the common case (under load the
      // interactive transaction's four round trips were a fifth of the server's main-thread time).
      const created = await db.case.create({ data: { ...row, reference: newCaseReference() }, select: { reference: true } });
      return { reference: created.reference, created: true };
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      // Either this key was saved before (a retry, or a concurrent save: return that case) or the random
      // reference collided (try another).
      const winner = await find();
      if (winner) return { reference: winner.reference, created: false };
    }
  }
  throw new Error("could not allocate a unique case reference");
}
