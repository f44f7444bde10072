/**
 * The domain vocabulary of an assessment, declared once: the four conditions the classifier reads for, the risk
 * tiers and the confidence levels. Training config, runtime, database, screens and exports all use these lists.
 * Client-safe (no server imports).
 */

/** The classifier's four conditions, in the order every screen and export lists them. */
export const CONDITIONS = ["depression", "anxiety", "bipolar", "suicidal"] as const;
export type Condition = (typeof CONDITIONS)[number];

/** Risk tiers, most urgent first. */
export const TIERS = ["crisis", "elevated", "low"] as const;
export type Tier = (typeof TIERS)[number];

export const CONFIDENCE_LEVELS = ["high", "moderate", "low"] as const;
export type Confidence = (typeof CONFIDENCE_LEVELS)[number];

export const isCondition = (v: unknown): v is Condition => (CONDITIONS as readonly unknown[]).includes(v);
