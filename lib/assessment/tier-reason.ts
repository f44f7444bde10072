/**
 * Why a reading has its tier, kept with the tier wherever it goes (the case store, the queue, the case page, the
 * outreach results and export). Decided in one place (servedTier in lib/classifier/crisis-words.ts, from the
 * classifier's own tiering in core.ts decide()), described here in one plain sentence. Client-safe.
 *
 * `words` is never free text from the post: it is the crisis phrase as the rule names it (the matched words only
 * when the rule's pattern allows nothing but its own words), so storing it stores nothing the person wrote beyond
 * a fixed phrase.
 */
import { z } from "zod";
import { CONDITIONS, TIERS } from "./vocabulary";

export const modelBasisSchema = z.object({
  /** The tier the model alone gave. */
  tier: z.enum(TIERS),
  /** The condition that decided it (suicidal for crisis; the top condition otherwise). */
  condition: z.enum(CONDITIONS),
  score: z.number().min(0).max(1),
  /** The threshold the score was compared with (the crisis threshold for crisis). */
  threshold: z.number().min(0).max(1),
});
export type ModelBasis = z.output<typeof modelBasisSchema>;

export const tierReasonSchema = z.object({
  /** The explicit crisis words that raised the tier to crisis, or null when the rule did not match. */
  words: z.string().min(1).max(80).nullable(),
  /** The model's own reading, or null when no model ran. */
  model: modelBasisSchema.nullable(),
});
export type TierReason = z.output<typeof tierReasonSchema>;

export const REASON_NOT_RECORDED = "reason not recorded";

const score = (n: number) => n.toFixed(2);

function describeModel(m: ModelBasis): string {
  if (m.tier === "crisis")
    return `model: ${m.condition} crisis score ${score(m.score)} (crisis threshold ${score(m.threshold)})`;
  if (m.tier === "elevated")
    return `model: elevated ${m.condition} ${score(m.score)} (threshold ${score(m.threshold)})`;
  return `model: nothing above its threshold (highest ${m.condition} ${score(m.score)}, threshold ${score(m.threshold)})`;
}

/** The reason in one line, e.g. "explicit words: 'want to die'" or "model: suicidal crisis score 0.41 (crisis threshold 0.18)". */
export function describeTierReason(reason: unknown): string {
  const parsed = tierReasonSchema.safeParse(reason);
  if (!parsed.success) return REASON_NOT_RECORDED;
  const { words, model } = parsed.data;
  const parts: string[] = [];
  if (words) parts.push(`explicit words: '${words}'`);
  // When the words decided, the model's own reading follows only if it agreed on crisis: a lower reading beside a
  // crisis tier reads as a contradiction, and the case page shows every score anyway.
  if (model && (!words || model.tier === "crisis")) parts.push(describeModel(model));
  return parts.length ? parts.join(" · ") : REASON_NOT_RECORDED;
}

/** True when the explicit-words rule fired (the tier is crisis whatever the model said). */
export function crisisByRule(reason: unknown): boolean {
  const parsed = tierReasonSchema.safeParse(reason);
  return parsed.success && parsed.data.words !== null;
}
