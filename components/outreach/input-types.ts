import type { Notice } from "@/lib/outreach/notices";
import type { PreparedBatch } from "@/lib/outreach/prepare";

/** What an input panel hands to the triage screen: a batch ready to classify (or not) and all messages. */
export interface PreparedInput {
  batch: PreparedBatch | null;
  notices: Notice[];
}
