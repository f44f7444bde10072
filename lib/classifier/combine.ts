import { LABELS } from "./types";
import type { WordModelConfig } from "./types";

/**
 * One text's served logits from its members' logits, as training/export.py computes them:
 * - blend, per label: ensemble[k] * blend.ensemble[k] + word[k] * blend.word[k] (word[k]: the one-vs-rest NB-LR);
 * - with a stack: blend_weight[k] x that blend + stack_weight[k] x log(p_k / (1 - p_k)) under the stack's 5-way
 *   softmax (none, then the 4 conditions) over the features [ensemble logits, every word-model output] and, with
 *   a centre, each feature's squared distance from it.
 * Platt calibration comes after, in calibrate().
 */
export function combineLogits(ensemble: number[], word: number[], wm: WordModelConfig): number[] {
  const blended = LABELS.map((_, k) => ensemble[k]! * wm.blend.ensemble[k]! + word[k]! * wm.blend.word[k]!);
  const stack = wm.stack;
  if (!stack || !stack.stack_weight.some((w) => w !== 0)) return blended;
  const z = stackScores(ensemble, word, stack);
  return blended.map((v, k) => {
    const logOdds = z[k + 1]! - logSumExp(z.filter((_, c) => c !== k + 1));
    return stack.blend_weight[k]! * v + stack.stack_weight[k]! * logOdds;
  });
}

/** The stack's 5 class scores (none, then the 4 conditions) for one text. */
function stackScores(ensemble: number[], word: number[], stack: NonNullable<WordModelConfig["stack"]>): number[] {
  const logits = [...ensemble, ...word];
  const center = stack.center;
  const features = center ? [...logits, ...logits.map((x, j) => (x - center[j]!) ** 2)] : logits;
  return stack.weights.map((w, c) => w.reduce((sum, wj, j) => sum + wj * features[j]!, stack.bias[c]!));
}

/**
 * The stack's log(p_suicidal / p_none): how much more the text reads as suicidal than as no condition, whatever
 * it says of the others. The crisis head mixes it with the suicidal logit (config.ts crisisScore). null without a
 * stack.
 */
export function stackContrast(ensemble: number[], word: number[], wm: WordModelConfig): number | null {
  if (!wm.stack) return null;
  const z = stackScores(ensemble, word, wm.stack);
  return z[1 + LABELS.indexOf("suicidal")]! - z[0]!;
}

function logSumExp(xs: number[]): number {
  const m = Math.max(...xs);
  return m + Math.log(xs.reduce((s, x) => s + Math.exp(x - m), 0));
}
