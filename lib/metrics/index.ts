/**
 * What the app counts for Prometheus (/api/metrics; docs/deploy.md lists every metric). The registry itself is in
 * ./registry.mjs, shared with the front server. Each function here takes only bounded names, never anything a person
 * wrote or anything that identifies them.
 */
import type { Tier } from "@/lib/assessment";
import { lanternMetrics, type JobStatsLike } from "./registry.mjs";

export { scrape } from "./registry.mjs";
export type { JobStatsLike };

export type ClassificationSource = "self_check" | "outreach";

/** A request refused by a rate limiter; `limiter` is the limiter's fixed name (its key prefix), never a client key. */
export function countRateLimitHit(limiter: string): void {
  lanternMetrics().rateLimitHits.inc({ limiter });
}

/** A post classified and served at `tier` (after the crisis-words rule). */
export function countClassification(source: ClassificationSource, tier: Tier, posts = 1): void {
  lanternMetrics().classifications.inc({ source, tier }, posts);
}

/** A classification that could not be made (the crisis lines were shown instead). */
export function countClassificationFailure(source: ClassificationSource, reason: "model_unavailable" | "failed"): void {
  lanternMetrics().classificationFailures.inc({ source, reason });
}

/** The job runtime (lib/jobs) reports its queues and outcomes through this, read at each scrape. */
export function setJobStatsSource(stats: () => Promise<JobStatsLike | null>): void {
  lanternMetrics().sources.jobStats = stats;
}

/** The outbox reports how many cases wait on disk through this. */
export function setOutboxPendingSource(pending: () => number): void {
  lanternMetrics().sources.outboxPending = pending;
}
