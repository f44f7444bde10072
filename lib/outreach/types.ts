/**
 * Shapes shared by the outreach server actions and the browser. Kept free of server imports so the
 * client component can use them.
 */
export const TRIAGE_LABELS = ["depression", "anxiety", "bipolar", "suicidal"] as const;
export type TriageLabel = (typeof TRIAGE_LABELS)[number];
export type TriageTier = "crisis" | "elevated" | "low";
export type TriageConfidence = "high" | "moderate" | "low";

/** What the browser gets back for one post: the model's reading plus the directory entries that fit it. */
export interface TriageResult {
  probabilities: Record<TriageLabel, number>;
  labels: TriageLabel[];
  topLabel: TriageLabel | "none";
  confidence: TriageConfidence;
  tier: TriageTier;
  /** Directory ids only: the browser renders each from the verified directory, never from free text. */
  resources: TriageResource[];
}

export interface TriageResource {
  id: string;
  /** Why it fits, built by the ranking from directory facts only. */
  reason: string;
}

export interface TriageModel {
  name: string;
  version: string;
}

export type ClassifyChunkResponse =
  | { ok: true; results: TriageResult[]; model: TriageModel }
  | { ok: false; message: string };

export type SaveCaseResponse = { ok: true; reference: string } | { ok: false; message: string };
