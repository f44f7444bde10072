/**
 * Lantern's background queues, declared once: their names and how pg-boss treats their jobs (retries, how long a job
 * may run before another instance takes it over, how long finished job rows stay). Not server-only: the job runtime
 * also runs in tests and child processes.
 */
import type { Queue } from "pg-boss";

export const QUEUES = {
  /** Deletes cases older than CASE_RETENTION_DAYS; on a cron schedule, one run per tick across all instances. */
  retentionPurge: "retention-purge",
  /** Anonymizes stored text again when the anonymizer's rules are newer; sent at start, at most one queued or running. */
  reanonymize: "reanonymize",
  /** One large outreach batch (posts stored encrypted for the job only); resumable per chunk. */
  outreachBatch: "outreach-batch",
  /** Deletes outreach batches and results nobody downloaded within their time (24 h). */
  outreachExpiry: "outreach-expiry",
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

type QueueOptions = Omit<Queue, "name">;

/**
 * Job rows hold ids and counts, never posts or text: they are kept a day after finishing (for the queue's counts and
 * for an operator looking into a failure), then pg-boss deletes them.
 */
const KEEP_FINISHED_SECONDS = 24 * 60 * 60;

export const QUEUE_OPTIONS: Record<QueueName, QueueOptions> = {
  [QUEUES.retentionPurge]: {
    // One purge at a time: a tick that comes while the previous purge still runs waits for it.
    policy: "singleton",
    retryLimit: 2,
    retryDelay: 60,
    expireInSeconds: 30 * 60,
    deleteAfterSeconds: KEEP_FINISHED_SECONDS,
  },
  [QUEUES.reanonymize]: {
    // Every instance asks for a run at start; one is queued or running at a time, and a second run finds nothing to do.
    policy: "exclusive",
    retryLimit: 3,
    retryDelay: 60,
    retryBackoff: true,
    // A long run on a big database: the heartbeat, not a fixed time, says the instance running it is gone.
    heartbeatSeconds: 30,
    expireInSeconds: 4 * 60 * 60,
    deleteAfterSeconds: KEEP_FINISHED_SECONDS,
  },
  [QUEUES.outreachBatch]: {
    policy: "standard",
    // An instance killed mid-batch stops sending heartbeats; after heartbeatSeconds another instance's supervisor
    // fails the attempt and the job is retried, resuming after the last stored chunk.
    retryLimit: 5,
    retryDelay: 1,
    heartbeatSeconds: 10,
    expireInSeconds: 30 * 60,
    deleteAfterSeconds: KEEP_FINISHED_SECONDS,
  },
  [QUEUES.outreachExpiry]: {
    policy: "singleton",
    retryLimit: 2,
    retryDelay: 60,
    expireInSeconds: 10 * 60,
    deleteAfterSeconds: KEEP_FINISHED_SECONDS,
  },
};

export const ALL_QUEUES = Object.values(QUEUES) as QueueName[];

/**
 * A cron expression (UTC) for "every N minutes", N from 1 to 1440. Divisors of 60 and of 24 hours run on an even
 * grid; other values run on the grid of the next lower divisor, so a purge is never rarer than asked.
 */
export function everyMinutesCron(minutes: number): string {
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 24 * 60) throw new RangeError("minutes must be a whole number from 1 to 1440");
  if (minutes < 60) {
    const step = largestDivisorAtMost(60, minutes);
    return step === 1 ? "* * * * *" : `*/${step} * * * *`;
  }
  const hours = largestDivisorAtMost(24, Math.floor(minutes / 60));
  if (hours === 24) return "0 0 * * *";
  return hours === 1 ? "0 * * * *" : `0 */${hours} * * *`;
}

function largestDivisorAtMost(n: number, max: number): number {
  for (let d = Math.min(n, max); d > 1; d--) if (n % d === 0) return d;
  return 1;
}
