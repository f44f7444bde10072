import type { Counter, Gauge, Histogram, Registry } from "prom-client";

export interface JobStatsLike {
  queues: { queue: string; queued: number; active: number; failedStored: number }[];
  outcomes: Record<string, { completed: number; failed: number }>;
}

export interface LanternMetrics {
  registry: Registry;
  sources: { jobStats: (() => Promise<JobStatsLike | null>) | null; outboxPending: (() => number) | null };
  httpDuration: Histogram<"method" | "route" | "status">;
  httpInFlight: Gauge;
  classifications: Counter<"source" | "tier">;
  classificationFailures: Counter<"source" | "reason">;
  rateLimitHits: Counter<"limiter">;
  jobQueueDepth: Gauge<"queue" | "state">;
  jobOutcomes: Counter<"queue" | "outcome">;
  outboxPending: Gauge;
}

export function lanternMetrics(): LanternMetrics;
export function scrape(): Promise<{ body: string; contentType: string }>;
