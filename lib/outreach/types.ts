/**
 * Shapes shared by the outreach server actions and the browser. Kept free of server imports so the
 * client component can use them.
 */
import type { Reading } from "@/lib/assessment/schema";
import type { TierReason } from "@/lib/assessment/tier-reason";

/** What the browser gets back for one post: the model's reading plus the directory entries that fit it. */
export interface TriageResult extends Reading {
  /** Why the tier (explicit words, or the score against its threshold). */
  tierReason: TierReason;
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
