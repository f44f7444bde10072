import type { Condition, Confidence, Tier } from "@/lib/assessment/vocabulary";
import { percent } from "@/lib/assessment/names";
import { tierReasonSchema } from "@/lib/assessment/tier-reason";

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

/**
 * Why the person sees what they see, in their words: the crisis help came first because of words they used or
 * because the model's crisis score passed its line; a concern because a group's share passed its line. null for
 * a low tier or a reason that was not recorded.
 */
export function tierReasonSentence(tier: Tier, reason: unknown): string | null {
  const parsed = tierReasonSchema.safeParse(reason);
  if (!parsed.success || tier === "low") return null;
  const { words, model } = parsed.data;
  if (tier === "crisis") {
    if (words) return `We put the crisis lines first because your words included "${words}".`;
    if (model?.tier === "crisis")
      return `We put the crisis lines first because your words were close to ${CONCERN_PHRASES.suicidal} (a score of ${percent(model.score)}; the crisis lines come first from ${percent(model.threshold)}).`;
    return null;
  }
  if (model?.tier === "elevated")
    return `This is marked as worth paying attention to because your words were close to ${CONCERN_PHRASES[model.condition]} (${percent(model.score)}; the model marks this from ${percent(model.threshold)}).`;
  return null;
}
