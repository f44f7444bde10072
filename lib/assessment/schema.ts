/**
 * The classification contract, checked with zod wherever a classifier output crosses a boundary (the self-check,
 * the outreach triage, the signed save receipt, the case store). Client-safe.
 */
import { z } from "zod";
import { CONDITIONS, CONFIDENCE_LEVELS, TIERS, type Condition, type Confidence, type Tier } from "./vocabulary";
import { modelBasisSchema, tierReasonSchema } from "./tier-reason";

const probability = z.number().min(0).max(1);

export const probabilitiesSchema = z.object(
  Object.fromEntries(CONDITIONS.map((c) => [c, probability])) as Record<Condition, typeof probability>,
);
export type Probabilities = Record<Condition, number>;

export const conditionSchema = z.enum(CONDITIONS);
export const tierSchema = z.enum(TIERS);
export const confidenceSchema = z.enum(CONFIDENCE_LEVELS);

/** What is stored of a classification: numbers, labels, tier, evidence sentences and the model that made them. */
export const classificationSchema = z.object({
  probabilities: probabilitiesSchema,
  labels: z.array(conditionSchema),
  topLabel: z.enum([...CONDITIONS, "none"]),
  tier: tierSchema,
  evidence: z.array(z.object({ sentence: z.string(), weight: z.number() })).max(50),
  model: z.object({ name: z.string().min(1).max(200), version: z.string().min(1).max(100) }),
  /** Why the tier (servedTier). Optional: receipts signed before reasons were kept still redeem. */
  tierReason: tierReasonSchema.optional(),
  /** How sure the model was, as the person was told. Optional: receipts signed before it was kept still redeem. */
  confidence: confidenceSchema.optional(),
});
export type Classification = z.output<typeof classificationSchema>;

/** A classification as shown to people: with how sure the model is. */
export const assessmentSchema = classificationSchema.extend({ confidence: confidenceSchema });
export type Assessment = z.output<typeof assessmentSchema>;

/** The reading without its evidence and model: what every screen and export shares. */
export interface Reading {
  probabilities: Probabilities;
  labels: Condition[];
  topLabel: Condition | "none";
  confidence: Confidence;
  tier: Tier;
}

/** The classifier's own output: an assessment with the score and threshold behind the model's tier. */
export const classifierOutputSchema = assessmentSchema.extend({ tierBasis: modelBasisSchema });
