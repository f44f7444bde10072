import type { ConcernLabel, ConfidenceLevel } from "./types";

/**
 * Support, not diagnosis: the model compares words with posts people wrote, so that is what we say.
 * No "you have", no alarm words.
 */
export const CONCERN_PHRASES: Record<ConcernLabel, string> = {
  depression: "posts from people living with depression",
  anxiety: "posts from people living with anxiety",
  bipolar: "posts from people living with bipolar disorder",
  suicidal: "posts from people who were having thoughts of suicide",
};

export const CONCERN_NAMES: Record<ConcernLabel, string> = {
  depression: "Depression",
  anxiety: "Anxiety",
  bipolar: "Bipolar disorder",
  suicidal: "Thoughts of suicide",
};

export function percent(p: number): string {
  return `${Math.round(p * 100)}%`;
}

/** The number, when given, is the probability of the concern the sentence is about. */
export function confidenceSentence(level: ConfidenceLevel, p?: number): string {
  const n = p === undefined ? "" : ` (${percent(p)})`;
  switch (level) {
    case "high":
      return `The model is fairly confident about this${n}.`;
    case "moderate":
      return `The model is somewhat confident about this${n}.`;
    case "low":
      return `The model isn't confident about this one${n}, so treat it as a weak signal rather than an answer.`;
  }
}
