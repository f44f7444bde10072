import "server-only";
import { onShutdown, STAGE } from "./shutdown-registry.mjs";

/**
 * What the process finishes before it exits on SIGTERM (scripts/serve.mjs runs these once no request is in flight;
 * docs/deploy.md). Modules are imported when the drain runs, not now: a drain for something this process never
 * started costs nothing. Work that needs the database drains first; the database closes last.
 */
export function registerDrains(): void {
  onShutdown("classifier", async () => (await import("@/lib/classifier")).drainClassifier());
  onShutdown("tagger", async () => (await import("@/lib/anonymize/entities")).drainTagger());
  onShutdown("outbox", async () => (await import("@/lib/outbox")).drainOutbox());
  // No new jobs are fetched; a handler still running when the time is up is retried by another instance.
  onShutdown("jobs", async (msLeft) => (await import("@/lib/jobs")).stopJobs({ timeoutMs: Math.max(0, msLeft - 250) }));
  onShutdown("database", async () => (await import("@/lib/db/client")).closeDb(), STAGE.connections);
  onShutdown("rate limits", async () => (await import("@/lib/rate-limit/shared-store")).closeLimiterStore(), STAGE.connections);
}
