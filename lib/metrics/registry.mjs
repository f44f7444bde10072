// Lantern's Prometheus metrics: one registry per process, shared by the front server (scripts/serve.mjs, plain Node:
// request latency) and the app's bundles (classifications, rate-limit hits, jobs, outbox). Plain JavaScript so the
// server can import it without a build step; the registry lives on globalThis under a registered symbol, so every
// copy of this module (Next bundles it into each route apart) adds to the same metrics.
//
// Labels are bounded and say nothing about a person: a route template (never a raw URL), a method, a status, a tier,
// a limiter's or a queue's name. No post text, address, user id or case id is ever a label.
import client from "prom-client";

const KEY = Symbol.for("lantern.metrics");

export function lanternMetrics() {
  globalThis[KEY] ??= createMetrics();
  return globalThis[KEY];
}

function createMetrics() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const registers = [registry];
  /** Functions other modules set to report what only they know (lib/jobs, lib/outbox), read at scrape time. */
  const sources = { jobStats: null, outboxPending: null };

  const jobStats = async () => {
    try {
      return sources.jobStats ? await sources.jobStats() : null;
    } catch {
      return null; // a scrape never fails because the job database is down; the gauges are left empty
    }
  };

  return {
    registry,
    sources,
    httpDuration: new client.Histogram({
      name: "lantern_http_request_duration_seconds",
      help: "Time from a request's arrival to its response's end, by route template, method and status.",
      labelNames: ["method", "route", "status"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    }),
    httpInFlight: new client.Gauge({
      name: "lantern_http_requests_in_flight",
      help: "Requests being answered now.",
      registers,
    }),
    classifications: new client.Counter({
      name: "lantern_classifications_total",
      help: "Posts classified, by where (self_check, outreach) and the served tier.",
      labelNames: ["source", "tier"],
      registers,
    }),
    classificationFailures: new client.Counter({
      name: "lantern_classification_failures_total",
      help: "Classifications that could not be made (the person saw the crisis lines), by where and why.",
      labelNames: ["source", "reason"],
      registers,
    }),
    rateLimitHits: new client.Counter({
      name: "lantern_rate_limit_hits_total",
      help: "Requests refused by a rate limiter, by limiter name.",
      labelNames: ["limiter"],
      registers,
    }),
    jobQueueDepth: new client.Gauge({
      name: "lantern_job_queue_depth",
      help: "Background jobs by queue and state (queued, active, failed_stored), across instances.",
      labelNames: ["queue", "state"],
      registers,
      async collect() {
        this.reset();
        const stats = await jobStats();
        for (const q of stats?.queues ?? []) {
          this.set({ queue: q.queue, state: "queued" }, q.queued);
          this.set({ queue: q.queue, state: "active" }, q.active);
          this.set({ queue: q.queue, state: "failed_stored" }, q.failedStored);
        }
      },
    }),
    jobOutcomes: new client.Counter({
      name: "lantern_job_outcomes_total",
      help: "Background job handlers run by this instance, by queue and outcome (completed, failed).",
      labelNames: ["queue", "outcome"],
      registers,
      async collect() {
        // The job runtime keeps the process's running totals; they are copied in at each scrape.
        const stats = await jobStats();
        if (!stats) return;
        this.reset();
        for (const [queue, counts] of Object.entries(stats.outcomes ?? {})) {
          this.inc({ queue, outcome: "completed" }, counts.completed);
          this.inc({ queue, outcome: "failed" }, counts.failed);
        }
      },
    }),
    outboxPending: new client.Gauge({
      name: "lantern_outbox_pending",
      help: "Consented cases waiting on this instance's disk for the database.",
      registers,
      collect() {
        this.set(sources.outboxPending ? sources.outboxPending() : 0);
      },
    }),
  };
}

/** The text a Prometheus scrape gets, and its content type. */
export async function scrape() {
  const { registry } = lanternMetrics();
  return { body: await registry.metrics(), contentType: registry.contentType };
}
