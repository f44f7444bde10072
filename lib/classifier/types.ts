import type { Condition, Confidence, ModelBasis, Reading, Tier } from "@/lib/assessment";

/** The model's output labels are the assessment's conditions, in the same order (the graph's logit order). */
export { CONDITIONS as LABELS } from "@/lib/assessment/vocabulary";
export type Label = Condition;
export type { Confidence, Tier };

export interface Evidence {
  sentence: string;
  start: number;
  end: number;
  /** drop in the calibrated probability of the explained label when this sentence is removed */
  weight: number;
}

export interface ClassifierResult extends Reading {
  /** What the crisis tier reads: the crisis head's probability (config.crisis), else p(suicidal). */
  crisisScore: number;
  /** The score and threshold that gave the model's tier (servedTier adds the crisis-words rule to make the reason). */
  tierBasis: ModelBasis;
  evidence: Evidence[];
  model: { name: string; version: string };
}

export interface ModelConfig {
  name: string;
  version: string;
  labels: Label[];
  max_length: number;
  window_stride?: number;
  thresholds: Record<Label, number>;
  /** The crisis tier fires at crisis score >= crisis_threshold. */
  crisis_threshold: number;
  /**
   * The crisis head: crisis score = sigmoid(a x (suicidal_weight x served suicidal logit + contrast_weight x the
   * stack's log(p_suicidal / p_none)) + b). Without it the crisis score is p(suicidal).
   */
  crisis?: { suicidal_weight: number; contrast_weight: number; calibration: { a: number; b: number } };
  elevated_threshold?: number;
  calibration: { type: "platt"; params: Record<Label, { a: number; b: number }> };
  /** Optional second graph reading whole words; its logits are blended with the ensemble's before calibration. */
  word_model?: WordModelConfig;
}

export interface WordModelConfig {
  file: string;
  /** string [rows × m]: each text's distinct words and word pairs ("" pads); float [rows × m]: their counts */
  inputs: ["ngrams", "counts"];
  /** How the training side split words (sklearn's TfidfVectorizer): the TypeScript side must split the same way. */
  preprocess: { lowercase: true; strip_accents: "unicode"; token_pattern: string; ngram_range: [number, number] };
  /** How many logits the word graph gives: 4 (one-vs-rest NB-LR), or 8 (then 4 softmax log-ratios). Default 4. */
  outputs?: number;
  /** Per label: served logit = ensemble logit * ensemble[k] + word logit * word[k]. */
  blend: { ensemble: number[]; word: number[] };
  /**
   * A 5-way softmax (none, then the 4 conditions) over the features f = [ensemble logits, word outputs] and, when
   * `center` is given, (f - center)^2: weights [5][4 + outputs, doubled with a centre], bias [5]. Per label, served
   * logit = blend_weight[k] x blend + stack_weight[k] x the stack's log-odds (the mix chosen on dev; see combine.ts).
   */
  stack?: { center?: number[]; weights: number[][]; bias: number[]; blend_weight: number[]; stack_weight: number[] };
}

export class ModelLoadError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "ModelLoadError";
  }
}
