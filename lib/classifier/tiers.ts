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
  let tier: Tier = "low";
  if (crisisScore >= c.crisis_threshold) tier = "crisis";
  // elevated: any condition above its own threshold (or above elevated_threshold, when configured)
  else if (labels.length > 0 || (c.elevated_threshold !== undefined && maxP >= c.elevated_threshold)) tier = "elevated";
  return { probabilities: p, labels, topLabel, confidence, tier, crisisScore };
}
