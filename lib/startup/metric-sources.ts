import "server-only";
import { setJobStatsSource } from "@/lib/metrics";

/**
 * Numbers only other modules know, read at each Prometheus scrape (lib/metrics): the job queues' depth and outcomes
 * (lib/jobs; nothing while the job runtime is not running). The outbox registers its own count when it opens.
 */
export function registerMetricSources(): void {
  setJobStatsSource(async () => (await import("@/lib/jobs")).jobStats());
}
