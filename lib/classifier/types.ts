export const LABELS = ["depression", "anxiety", "bipolar", "suicidal"] as const;
export type Label = (typeof LABELS)[number];
export type Tier = "crisis" | "elevated" | "low";
export type Confidence = "high" | "moderate" | "low";

export interface Evidence {
  sentence: string;
  start: number;
  end: number;
  /** drop in the calibrated probability of the explained label when this sentence is removed */
  weight: number;
}

export interface ClassifierResult {
  probabilities: Record<Label, number>;
  labels: Label[];
  topLabel: Label | "none";
  confidence: Confidence;
  tier: Tier;
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
  crisis_threshold: number;
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
  /** Per label: served logit = ensemble logit * ensemble[k] + word logit * word[k]. */
  blend: { ensemble: number[]; word: number[] };
}

export class ModelLoadError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "ModelLoadError";
  }
}
