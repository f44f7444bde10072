/**
 * The server's one job interface (lib/jobs/runtime.ts does the work):
 *
 *   await startJobs();                    // instrumentation.ts, once per process
 *   const jobs = await jobRuntime();      // enqueue: jobs.send(QUEUES.x, data, { tx })
 *   await jobStats();                     // queue depth and job outcomes, for health and metrics
 *   await stopJobs();                     // graceful shutdown: stop fetching, let running handlers finish
 *
 * A database that is not reachable at start does not stop the server (crisis help never waits on it): the runtime
 * is tried again every 30 s, and until then jobRuntime() throws a UserFacingError ("unavailable").
 */
import "server-only";
import { authConfig } from "@/lib/auth/config";
import { getDb, getDbHandle } from "@/lib/db/client";
import { env } from "@/lib/env";
import { UserFacingError } from "@/lib/errors";
import { logger } from "@/lib/log";
import { afterAnswers } from "@/lib/self-check/answers-first";
import { outreachSealKey } from "@/lib/outreach/batch-key";
import { triagePosts } from "@/lib/outreach/triage";
import { reanonymizeJob, requestReanonymizeIfOutdated, retentionPurgeJob, type MaintenanceDeps } from "./maintenance-jobs";
import { OUTREACH_EXPIRY_CRON, outreachBatchJob, outreachExpiryJob } from "./outreach-jobs";
import { everyMinutesCron, QUEUES } from "./queues";
import { defineJob, startJobRuntime, type JobRuntime, type JobStats, type RegisteredJob } from "./runtime";

export { QUEUES } from "./queues";
export type { JobRuntime, JobStats } from "./runtime";

const log = logger.child({ module: "jobs" });
const RETRY_START_MS = 30_000;

/** Said to the worker whose large batch cannot be queued; smaller batches (read without a job) still work. */
export const JOBS_UNAVAILABLE_MESSAGE =
  "Large batches cannot be read right now. Please try again in a few minutes, or read the posts in parts of 200 or fewer; crisis lines are listed on this page in the meantime.";

const g = globalThis as { __lanternJobs?: { runtime?: Promise<JobRuntime>; retry?: NodeJS.Timeout; stopped?: boolean } };
const state = (g.__lanternJobs ??= {});

function definitions(): RegisteredJob[] {
  const deps: MaintenanceDeps = {
    db: getDb,
    retentionDays: () => authConfig().CASE_RETENTION_DAYS,
    beforeEachRow: () => afterAnswers(),
    report: (event, details) => log.info({ event, ...details }, event),
  };
  const outreach = { ...deps, key: outreachSealKey(), classify: triagePosts, beforeChunk: () => afterAnswers() };
  return [defineJob(retentionPurgeJob(deps)), defineJob(reanonymizeJob(deps)), defineJob(outreachBatchJob(outreach)), defineJob(outreachExpiryJob(outreach))];
}

async function open(): Promise<JobRuntime> {
  const handle = await getDbHandle();
  const runtime = await startJobRuntime({
    database: handle.kind === "postgres" ? { kind: "postgres", url: env.DATABASE_URL!, poolSize: 4 } : { kind: "pglite", pglite: handle.pglite! },
    definitions: definitions(),
    schedules: [
      { queue: QUEUES.retentionPurge, cron: everyMinutesCron(authConfig().PURGE_INTERVAL_MINUTES) },
      { queue: QUEUES.outreachExpiry, cron: OUTREACH_EXPIRY_CRON },
    ],
    onError: (err) => log.error({ err }, "background job error"),
    onWarning: (w) => log.warn({ data: w.data }, w.message),
  });
  log.info({ event: "jobs.started", mode: runtime.mode }, `background jobs running (${runtime.mode === "postgres" ? "pg-boss on PostgreSQL" : "single-machine mode, in process"})`);
  return runtime;
}

/** Starts this process's job runtime (idempotent); failures are logged and retried. */
export function startJobs(): Promise<JobRuntime | null> {
  if (state.stopped) return Promise.resolve(null);
  state.runtime ??= open().then(async (runtime) => {
    try {
      if (await requestReanonymizeIfOutdated(await getDb(), runtime)) log.info("stored text was anonymized by older rules: a background job anonymizes it again");
    } catch (err) {
      log.error({ err }, "could not check whether stored text needs anonymizing again; the next start checks again");
    }
    return runtime;
  });
  return state.runtime.catch((err: unknown) => {
    log.error({ err }, `background jobs could not start; trying again in ${RETRY_START_MS / 1000} s`);
    state.runtime = undefined;
    state.retry ??= setTimeout(() => {
      state.retry = undefined;
      void startJobs();
    }, RETRY_START_MS).unref();
    return null;
  });
}

/** The running runtime, for enqueuing. */
export async function jobRuntime(): Promise<JobRuntime> {
  const runtime = await (state.runtime ?? startJobs()).catch(() => null);
  if (!runtime) throw new UserFacingError(JOBS_UNAVAILABLE_MESSAGE, { kind: "unavailable" });
  return runtime;
}

/** Queue depth and outcomes; null while the runtime is not running. */
export async function jobStats(): Promise<JobStats | null> {
  const runtime = await state.runtime?.catch(() => null);
  return runtime ? runtime.stats() : null;
}

/** Graceful shutdown: no new jobs are fetched; running handlers get up to timeoutMs, then their jobs are retried elsewhere. */
export async function stopJobs(opts: { timeoutMs?: number } = {}): Promise<void> {
  state.stopped = true;
  if (state.retry) clearTimeout(state.retry);
  const runtime = await state.runtime?.catch(() => null);
  state.runtime = undefined;
  await runtime?.stop({ graceful: true, timeoutMs: opts.timeoutMs });
}
