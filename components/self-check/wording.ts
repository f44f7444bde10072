import type { Condition, Confidence } from "@/lib/assessment/vocabulary";
import { percent } from "@/lib/assessment/names";

/**
 * Support, not diagnosis: the model compares words with posts people wrote, so that is what we say.
 * No "you have", no alarm words.
 */
export const CONCERN_PHRASES: Record<Condition, string> = {
  depression: "posts from people living with depression",
  anxiety: "posts from people living with anxiety",
  bipolar: "posts from people living with bipolar disorder",
  suicidal: "posts from people who were having thoughts of suicide",
};


/** The number, when given, is the probability of the concern the sentence is about. */
export function confidenceSentence(level: Confidence, p?: number): string {
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
