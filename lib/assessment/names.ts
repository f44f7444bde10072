import type { Condition, Confidence, Tier } from "./vocabulary";

/**
 * The plain-language names people read for the vocabulary, one table per audience. Each audience keeps the words its
 * screens were written and tested with: staff see clinical names, outreach workers see non-alarming words to act on,
 * a person checking their own words sees names without a diagnosis in them. Support, not diagnosis.
 */
export const CONDITION_NAMES = {
  /** The clinician review: queue, case page, labels, dashboard. */
  staff: { depression: "Depression", anxiety: "Anxiety", bipolar: "Bipolar", suicidal: "Suicidal thoughts" },
  /** The outreach results table and its export. */
  outreach: { depression: "Low mood", anxiety: "Anxiety", bipolar: "Mood swings", suicidal: "Suicidal thoughts" },
  /** The public self-check result. */
  person: {
    depression: "Depression",
    anxiety: "Anxiety",
    bipolar: "Bipolar disorder",
    suicidal: "Thoughts of suicide",
  },
} as const satisfies Record<string, Record<Condition, string>>;

export const TIER_NAMES = {
  staff: { crisis: "Crisis", elevated: "Elevated", low: "Low" },
  outreach: { crisis: "Reach out now", elevated: "Check in soon", low: "Lower concern" },
} as const satisfies Record<string, Record<Tier, string>>;

export const CONFIDENCE_NAMES = {
  outreach: { high: "The model is fairly sure", moderate: "The model is somewhat sure", low: "The model is unsure" },
} as const satisfies Record<string, Record<Confidence, string>>;

/** A probability as people read it: a whole percentage. */
export const percent = (p: number) => `${Math.round(p * 100)}%`;
