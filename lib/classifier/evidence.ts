/**
 * Evidence: the three sentence groups that most raise the explained label's probability when scored alone, each
 * weighted by how far it alone moves that probability above an empty post's. Scoring every group with the full model
 * cost as much as classifying the post. So the word model, already run on each group, ranks them first (its logits
 * with an empty post's transformer logits, through the same stack and calibration), and the full model scores only
 * the EVIDENCE_CANDIDATES best: the weights shown are always the full model's.
 */
import { combineLogits } from "./combine";
import type { Span } from "./sentences";
import { LABELS, type Evidence, type Label, type WordModelConfig } from "./types";

export const MAX_EVIDENCE_SPANS = 24;
// Evidence candidates the full model scores, picked by the word model: 6 of a median 9 groups, about half the tokens.
// Against scoring every group (`npm run eval:evidence`), on the 3,473 dev posts that show evidence: the same top
// sentence in 99.2%, the same three in 98.2%. On test (3,460 posts): 99.1% and 97.5%.
export const EVIDENCE_CANDIDATES = 6;

export interface EvidenceModel {
  wordModel: WordModelConfig | undefined;
  /** The transformer's logits for an empty post (what the word model's ranking assumes it adds), when known. */
  blankEnsemble: number[] | null;
  /** Calibrated probabilities for an empty post: the baseline weights are measured from. */
  blank: Record<Label, number> | null;
  probabilities(logits: number[]): Record<Label, number>;
  /** The transformer's max-pooled logits per text, ahead of new posts in the worker's queue. */
  urgentWindowLogits(texts: string[]): Promise<number[][]>;
}

export async function pickEvidence(
  m: EvidenceModel,
  groups: Span[],
  words: number[][],
  top: Label | "none",
  p: Record<Label, number>,
  most = EVIDENCE_CANDIDATES,
): Promise<Evidence[]> {
  if (groups.length === 0) return [];
  const target: Label = top !== "none" ? top : LABELS.reduce((a, b) => (p[b] > p[a] ? b : a));
  const wm = m.wordModel;
  let candidates = groups.map((_, i) => i);
  if (wm && m.blankEnsemble && words.length === groups.length && groups.length > most) {
    const rank = words.map((w) => m.probabilities(combineLogits(m.blankEnsemble!, w, wm))[target]);
    candidates = candidates.sort((a, b) => rank[b]! - rank[a]!).slice(0, most);
  }
  const ens = await m.urgentWindowLogits(candidates.map((i) => groups[i]!.text));
  const base = m.blank?.[target] ?? 0;
  return candidates
    .map((g, j) => {
      const logits = wm && words[g] ? combineLogits(ens[j]!, words[g]!, wm) : ens[j]!;
      const { text: sentence, start, end } = groups[g]!;
      return { sentence, start, end, weight: round(m.probabilities(logits)[target] - base) };
    })
    .sort((a, b) => b.weight - a.weight)
    .slice(0, 3);
}

const round = (x: number) => Math.round(x * 1e4) / 1e4;
