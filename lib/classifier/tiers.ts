/**
 * From calibrated probabilities to what people are told: the conditions over their thresholds, the risk tier and how
 * sure the model is. The thresholds come from the model's config.json (chosen on dev data by the training code).
 */
import { LABELS, type ClassifierResult, type Confidence, type Label, type ModelConfig, type Tier } from "./types";

/** Labels, confidence and tier from calibrated probabilities and the crisis score (the crisis head's, or p(suicidal)). */
export function decide(
  c: ModelConfig,
  p: Record<Label, number>,
  crisisScore = p.suicidal,
): Omit<ClassifierResult, "evidence" | "model"> {
  const labels = LABELS.filter((l) => p[l] >= c.thresholds[l]).sort((a, b) => p[b] - p[a]);
  const topLabel: Label | "none" = labels[0] ?? "none";
  const maxP = Math.max(...LABELS.map((l) => p[l]));
  let confidence: Confidence;
  if (topLabel === "none") confidence = maxP <= 0.15 ? "high" : maxP <= 0.35 ? "moderate" : "low";
  else confidence = p[topLabel] >= 0.85 ? "high" : p[topLabel] >= 0.6 ? "moderate" : "low";
  const highest: Label = LABELS.reduce((a, b) => (p[b] > p[a] ? b : a));
  // The tier and the score that decided it come from the same branch, so the reason shown with a tier is never a
  // second guess at it.
  let tier: Tier = "low";
  let condition: Label = highest;
  let threshold = c.thresholds[highest];
  let score: number | undefined;
  if (crisisScore >= c.crisis_threshold) {
    tier = "crisis";
    condition = "suicidal";
    threshold = c.crisis_threshold;
    score = crisisScore;
  } else if (labels.length > 0) {
    // elevated: any condition above its own threshold (or above elevated_threshold, when configured)
    tier = "elevated";
    condition = labels[0]!;
    threshold = c.thresholds[condition];
  } else if (c.elevated_threshold !== undefined && maxP >= c.elevated_threshold) {
    tier = "elevated";
    threshold = c.elevated_threshold;
  }
  const tierBasis = { tier, condition, score: score ?? p[condition], threshold };
  return { probabilities: p, labels, topLabel, confidence, tier, crisisScore, tierBasis };
}
