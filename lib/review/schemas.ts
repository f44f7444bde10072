/**
 * Inputs of the clinician review (queue filters, workflow, notes, labels), parsed
 * with zod at every boundary: page search params, server actions, route handlers.
 * Client-safe.
 */
import { z } from "zod";
import { CONDITIONS, type Condition } from "@/lib/assessment/vocabulary";
import { DbTier } from "@/lib/assessment/db-enums";
import { CaseStatus } from "@/lib/db/generated/enums";

export const STATUS_LABEL: Record<CaseStatus, string> = {
  NEW: "New",
  IN_REVIEW: "In review",
  REVIEWED: "Reviewed",
  ESCALATED: "Escalated",
  DISMISSED: "Dismissed",
};

/** Case ids are random UUIDs (v4, no time in them); anything else is refused before a query runs. */
export const caseIdSchema = z.uuid({ version: "v4", message: "That case id is not valid." });

const day = z.iso.date();
const emptyToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

export const PAGE_SIZE = 25;

export const queueFilterSchema = z.object({
  condition: z.preprocess(emptyToUndefined, z.enum(CONDITIONS).optional()).catch(undefined),
  tier: z.preprocess(emptyToUndefined, z.enum(DbTier).optional()).catch(undefined),
  status: z.preprocess(emptyToUndefined, z.enum(CaseStatus).optional()).catch(undefined),
  country: z.preprocess(
    (v) => (typeof v === "string" && v ? v.toUpperCase() : undefined),
    z.string().regex(/^[A-Z]{2}$/).optional(),
  ).catch(undefined),
  from: z.preprocess(emptyToUndefined, day.optional()).catch(undefined),
  to: z.preprocess(emptyToUndefined, day.optional()).catch(undefined),
  /** All or part of a case reference ("LNT-7K3Q-9MZD", "lnt 7k3q", "9MZD"): upper-cased, spaces read as dashes. */
  reference: z.preprocess(
    (v) => (typeof v === "string" && v.trim() ? v.trim().toUpperCase().replace(/\s+/g, "-") : undefined),
    z.string().regex(/^[A-Z0-9-]{2,20}$/).optional(),
  ).catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});
export type QueueFilter = z.output<typeof queueFilterSchema>;

/** Where a claimed case can go next. IN_REVIEW from a closed status re-opens it. */
export const TARGET_STATUSES = [CaseStatus.REVIEWED, CaseStatus.ESCALATED, CaseStatus.DISMISSED, CaseStatus.IN_REVIEW] as const;

export const statusChangeSchema = z.object({
  caseId: caseIdSchema,
  status: z.enum(TARGET_STATUSES),
});

export const NOTE_MAX = 5_000;
export const noteSchema = z.object({
  caseId: caseIdSchema,
  body: z
    .string()
    .trim()
    .min(1, "Please write a note first.")
    .max(NOTE_MAX, `Notes can be up to ${NOTE_MAX.toLocaleString("en")} characters.`),
});

/** A clinician's judgement: present or not, for every condition at once. */
export const labelsSchema = z.object({
  caseId: caseIdSchema,
  labels: z.object(
    Object.fromEntries(CONDITIONS.map((c) => [c, z.boolean()])) as Record<Condition, z.ZodBoolean>,
  ),
});

export const caseRefSchema = z.object({ caseId: caseIdSchema });
