import type { TierReason } from "@/lib/assessment/tier-reason";
import type { Reading } from "@/lib/assessment/schema";
import type { Resource } from "@/lib/resources/schema";

/** What the self-check action returns to the page: plain, serializable, no raw identifiers beyond the person's own text. */
export interface Analysis extends Reading {
  evidence: { sentence: string; weight: number }[];
  model: { name: string; version: string };
  /** Why the tier; stored with a saved case for the clinician. */
  tierReason?: TierReason;
}

export interface ResourceView {
  resource: Resource;
  /** Directory-built words on why it fits (lib/resources/rank.ts), never generated text. */
  reason: string;
}

export type SaveStatus =
  | { status: "not_requested" }
  /** followUpCode: shown once, with the reference it opens /follow-up (docs/follow-up.md). */
  | { status: "saved"; reference: string; followUpCode?: string }
  | { status: "failed" }
  /** The database was down: the anonymized case waits in the outbox and is written when it is back. */
  | { status: "queued" }
  /** Consent was given but there was nothing to save (no result). */
  | { status: "nothing_to_save" }
  /** The answer came first; the page saves the case by sending this signed receipt back (runSaveCheck). */
  | { status: "pending"; receipt: string };

export interface CheckResult {
  /** The submission key this answers (React key, and the idempotency key of the saved case). */
  id: string;
  outcome: "result" | "invalid" | "not_english" | "unavailable";
  /** Kind words for anything other than a result. */
  message?: string;
  /** Which field the message is about, for aria-invalid. */
  field?: "text" | "link";
  country: string;
  /** Set when the per-client rate limit stopped this check. */
  rateLimited?: boolean;
  /** With rateLimited: seconds until a new check is allowed (the API's Retry-After). */
  retryAfterSeconds?: number;
  /** Crisis tier, explicit words of suicidal intent, or anything failed: the crisis card goes first. */
  showCrisis: boolean;
  /** "risk": the card speaks to what was written; "fallback" (default): something failed, help is still here. */
  crisisReason?: "risk" | "fallback";
  analysis?: Analysis;
  /** The words the model read (after tidying); shown back as plain text when they came from a link. */
  textRead?: string;
  source: "paste" | "link";
  resources: ResourceView[];
  save: SaveStatus;
}

export type CheckState = CheckResult | null;

/** What saving a consented self-check answers: its status, or kind words when the save was refused. */
export type SaveCheckOutcome =
  | { ok: true; save: SaveStatus }
  | {
      ok: false;
      problem: "invalid" | "expired" | "text_mismatch" | "retired" | "rate_limited";
      message: string;
      /** The receipt's country, once the receipt was verified (for the crisis lines sent with the refusal). */
      country?: string;
      retryAfterSeconds?: number;
    };
