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
  const logits = [...ensemble, ...word];
  const center = stack.center;
  const features = center ? [...logits, ...logits.map((x, j) => (x - center[j]!) ** 2)] : logits;
  const z = stack.weights.map((w, c) => w.reduce((sum, wj, j) => sum + wj * features[j]!, stack.bias[c]!));
  return blended.map((v, k) => {
    const logOdds = z[k + 1]! - logSumExp(z.filter((_, c) => c !== k + 1));
    return stack.blend_weight[k]! * v + stack.stack_weight[k]! * logOdds;
  });
}

function logSumExp(xs: number[]): number {
  const m = Math.max(...xs);
  return m + Math.log(xs.reduce((s, x) => s + Math.exp(x - m), 0));
}
