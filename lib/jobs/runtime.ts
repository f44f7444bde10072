/**
 * The job runtime: pg-boss on whichever database the app uses.
 *
 *  - PostgreSQL (DATABASE_URL): pg-boss with its own small pool. Every instance runs the same runtime; jobs are
 *    claimed with SKIP LOCKED (one instance per job), retried after a failure or when the instance running one stops
 *    sending heartbeats, and cron schedules fire once per tick across all instances.
 *  - Embedded PGlite (the default): the same pg-boss, in process, on the app's own PGlite instance (pg-boss's
 *    `pglite` backend). That is the single-machine mode: same queues, retries, schedules and progress, stored in the
 *    same data folder, so queued work survives a restart.
 *
 * Handlers get their job's data parsed with zod (a job row is input like any other). Not server-only: tests and child
 * processes start runtimes of their own.
 */
import { PgBoss, fromPglite, fromPrisma, type Clock, type Job, type PgBossEventMap } from "pg-boss";
import type { PGlite } from "@electric-sql/pglite";
import type { z } from "zod";
import { ALL_QUEUES, QUEUE_OPTIONS, type QueueName } from "./queues";

export const JOBS_SCHEMA = "lantern_jobs";

export type JobDatabase = { kind: "postgres"; url: string; poolSize?: number } | { kind: "pglite"; pglite: PGlite };

export interface JobContext<T> {
  id: string;
  data: T;
  /** 0 on the first attempt; a resumed job sees 1 or more. */
  retryCount: number;
  /** Aborted when this instance lost the job (its heartbeat was refused), or when a stop's grace period ran out. */
  signal: AbortSignal;
}

export interface JobDefinition<T> {
  queue: QueueName;
  data: z.ZodType<T>;
  handle(job: JobContext<T>): Promise<void>;
}

/** A definition as the runtime holds it: its data is parsed (and its type known) inside. */
export interface RegisteredJob {
  queue: QueueName;
  run(job: JobContext<unknown>): Promise<void>;
}

export function defineJob<T>(def: JobDefinition<T>): RegisteredJob {
  return { queue: def.queue, run: (job) => def.handle({ ...job, data: def.data.parse(job.data) }) };
}

export interface JobSchedule {
  queue: QueueName;
  cron: string;
}

/** Something whose $queryRawUnsafe runs inside the caller's transaction (a Prisma interactive transaction client). */
export interface TransactionLike {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
}

export interface QueueStats {
  queue: QueueName;
  /** Waiting to run (including retries and deferred jobs). */
  queued: number;
  active: number;
  /** Failed jobs still stored (kept a day). */
  failedStored: number;
}

export interface JobStats {
  mode: "postgres" | "single-machine";
  queues: QueueStats[];
  /** Handler outcomes in this process since it started. */
  outcomes: Record<QueueName, { completed: number; failed: number }>;
}

export interface JobRuntime {
  readonly mode: JobStats["mode"];
  /** Enqueues a job; with `tx`, in the caller's transaction (it exists only if that transaction commits). */
  send(queue: QueueName, data: object, opts?: { tx?: TransactionLike; singletonKey?: string }): Promise<string | null>;
  stats(): Promise<JobStats>;
  /** Stops fetching; with graceful (the default) waits up to timeoutMs for running handlers. */
  stop(opts?: { graceful?: boolean; timeoutMs?: number }): Promise<void>;
  readonly boss: PgBoss;
}

export interface JobRuntimeOptions {
  database: JobDatabase;
  definitions: RegisteredJob[];
  schedules?: JobSchedule[];
  /** pg-boss's TestClock in tests; the system clock otherwise. */
  clock?: Clock;
  /** How often workers look for new jobs (default 1 s) and supervisors look for stalled ones (default 10 s). */
  pollingIntervalSeconds?: number;
  superviseIntervalSeconds?: number;
  onError?: (err: unknown) => void;
  onWarning?: (warning: PgBossEventMap["warning"][0]) => void;
  /** Names this instance in pg-boss's instance registry (host and pid are recorded by pg-boss). */
  instanceName?: string;
}

export async function startJobRuntime(opts: JobRuntimeOptions): Promise<JobRuntime> {
  const { database } = opts;
  const common = {
    schema: JOBS_SCHEMA,
    superviseIntervalSeconds: opts.superviseIntervalSeconds ?? 10,
    instanceName: opts.instanceName ?? "lantern",
    ...(opts.clock ? { clock: opts.clock } : {}),
  };
  const boss =
    database.kind === "postgres"
      ? new PgBoss({ ...common, connectionString: database.url, max: database.poolSize ?? 4, application_name: "lantern-jobs" })
      : new PgBoss({ ...common, db: fromPglite(database.pglite), backend: "pglite" });
  boss.on("error", (err) => opts.onError?.(err));
  boss.on("warning", (w) => opts.onWarning?.(w));
  await boss.start();

  const outcomes = Object.fromEntries(ALL_QUEUES.map((q) => [q, { completed: 0, failed: 0 }])) as JobStats["outcomes"];
  for (const queue of ALL_QUEUES) await boss.createQueue(queue, QUEUE_OPTIONS[queue]);
  for (const def of opts.definitions) {
    await boss.work(def.queue, { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 1, batchSize: 1 }, async (jobs: Job<object>[]) => {
      for (const job of jobs) {
        try {
          await def.run({ id: job.id, data: job.data, retryCount: job.retryCount, signal: job.signal });
          outcomes[def.queue].completed++;
        } catch (err) {
          outcomes[def.queue].failed++;
          throw err;
        }
      }
    });
  }
  for (const s of opts.schedules ?? []) await boss.schedule(s.queue, s.cron, null, { tz: "UTC", missed: "once" });

  const mode = database.kind === "postgres" ? "postgres" : "single-machine";
  return {
    mode,
    boss,
    send: (queue, data, o = {}) =>
      boss.send(queue, data, {
        ...(o.tx ? { db: fromPrisma(o.tx) } : {}),
        ...(o.singletonKey ? { singletonKey: o.singletonKey } : {}),
      }),
    async stats() {
      const rows = await boss.getQueues([...ALL_QUEUES]);
      return {
        mode,
        queues: rows.map((q) => ({ queue: q.name as QueueName, queued: q.queuedCount, active: q.activeCount, failedStored: q.failedCount })),
        outcomes: structuredClone(outcomes),
      };
    },
    stop: ({ graceful = true, timeoutMs = 20_000 } = {}) => boss.stop({ graceful, timeout: timeoutMs, close: true }),
  };
}
