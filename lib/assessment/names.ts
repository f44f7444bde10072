import type { Condition, Confidence, Tier } from "./vocabulary";

/**
 * The plain-language names people read for the vocabulary, one table per audience. Staff (clinicians, outreach
 * workers, administrators) share one set on every screen and export, so a case reads the same to the outreach worker
 * who saved it and the clinician who reviews it (docs/decisions: one staff vocabulary). A person checking their own
 * words sees names without a diagnosis in them. Support, not diagnosis.
 */
export const CONDITION_NAMES = {
  /** Every staff screen and export: review queue, case page, labels, dashboard, outreach results and CSV. */
  staff: { depression: "Depression", anxiety: "Anxiety", bipolar: "Bipolar", suicidal: "Suicidal thoughts" },
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
} as const satisfies Record<string, Record<Tier, string>>;

export const CONFIDENCE_NAMES = {
  staff: { high: "The model is fairly sure", moderate: "The model is somewhat sure", low: "The model is unsure" },
} as const satisfies Record<string, Record<Confidence, string>>;

/** A probability as people read it: a whole percentage. */
export const percent = (p: number) => `${Math.round(p * 100)}%`;
