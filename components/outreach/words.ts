import type { TriageConfidence, TriageLabel, TriageTier } from "@/lib/outreach/types";

/** Plain, non-alarming words for what the model returns. Support, not diagnosis. */
export const TIER_WORDS: Record<TriageTier | "unknown", string> = {
  crisis: "Reach out now",
  elevated: "Check in soon",
  low: "Lower concern",
  unknown: "Not read yet",
};

export const LABEL_WORDS: Record<TriageLabel, string> = {
  depression: "Low mood",
  anxiety: "Anxiety",
  bipolar: "Mood swings",
  suicidal: "Suicidal thoughts",
};

export const CONFIDENCE_WORDS: Record<TriageConfidence, string> = {
  high: "The model is fairly sure",
  moderate: "The model is somewhat sure",
  low: "The model is unsure",
};

export const percent = (p: number) => `${Math.round(p * 100)}%`;
