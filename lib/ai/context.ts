import { z } from "zod";
import { confidenceSchema } from "@/lib/assessment/schema";
import type { Confidence } from "@/lib/assessment/vocabulary";
import { rankInputSchema, rankResources, type RankedResource, type RankCriteria } from "@/lib/resources/rank";

/** Posts longer than this are cut before they reach any model: enough for context, bounded cost. */
export const MAX_POST_CHARS = 4000;

/**
 * What the resources writer is allowed to know about a case. `text` is the anonymized post; everything
 * else is structured output of the classifier and the person's own choices.
 */
export const resourceCaseSchema = rankInputSchema.omit({ limit: true }).extend({
  text: z.string().max(MAX_POST_CHARS),
  confidence: confidenceSchema.default("moderate"),
});

export type ResourceCaseInput = z.input<typeof resourceCaseSchema>;

export interface ResourceCase extends RankCriteria {
  text: string;
  confidence: Confidence;
  /** The ranked directory entries the writer may refer to, by id, and nothing else. */
  candidates: RankedResource[];
}

export const CANDIDATE_LIMIT = 4;

export function buildResourceCase(input: ResourceCaseInput): ResourceCase {
  const parsed = resourceCaseSchema.parse(input);
  const criteria = rankInputSchema.parse({ ...parsed, limit: CANDIDATE_LIMIT });
  return { ...criteria, text: parsed.text, confidence: parsed.confidence, candidates: rankResources(criteria) };
}
