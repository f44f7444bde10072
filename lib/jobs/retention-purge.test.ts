/**
 * The retention purge as a pg-boss cron schedule: two job runtimes (two PgBoss instances with their own pools, as two
 * servers would have) on one real PostgreSQL database run the purge exactly once per tick; the embedded PGlite runs
 * the same schedule in process (single-machine mode). Time is pg-boss's TestClock, shared by both instances and by
 * the database's job clock: both schedulers race for the same due minutes without the test waiting minutes.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClock } from "pg-boss";
import { createTestDatabase, type TestDatabase } from "@/test/support/db";
import { daysAgo, makeCase } from "@/test/review/fixtures";
import type { PrismaClient } from "@/lib/db/generated/client";
import { retentionPurgeJob } from "./maintenance-jobs";
import { QUEUES } from "./queues";
import { defineJob, startJobRuntime, type JobRuntime, type RegisteredJob } from "./runtime";

// 30 s past a minute, so every tick of 60 s crosses exactly one due minute.
const START = Date.parse("2026-06-01T10:00:30Z");
const EVERY_MINUTE = "* * * * *";

interface Run {
  instance: string;
  jobId: string;
}

function countingPurge(db: PrismaClient, instance: string, runs: Run[], failFirst = false): RegisteredJob {
  const real = retentionPurgeJob({ db: async () => db, retentionDays: () => 90 });
  let fail = failFirst;
  return defineJob({
    ...real,
    async handle(job) {
      if (fail) {
        fail = false;
        runs.push({ instance, jobId: `${job.id}:failed` });
        throw new Error("database hiccup");
      }
      runs.push({ instance, jobId: job.id });
      await real.handle(job);
    },
  });
}

/** Moves the shared clock on in small steps until every purge job has been fetched and settled. */
async function drain(clock: TestClock, runtime: JobRuntime) {
  for (let i = 0; i < 40; i++) {
    await clock.tick(500);
    await new Promise((r) => setTimeout(r, 50));
    const q = (await runtime.boss.getQueues([QUEUES.retentionPurge]))[0]!;
    const open = await runtime.boss.findJobs(QUEUES.retentionPurge, { queued: true });
    if (open.length === 0 && q.activeCount === 0) {
      const active = await runtime.boss.findJobs(QUEUES.retentionPurge);
      if (active.every((j) => j.state === "completed" || j.state === "failed")) return;
    }
  }
  throw new Error("purge jobs did not settle");
}

describe.skipIf(!process.env.TEST_DATABASE_URL)("[postgres] retention purge on two job runtimes", () => {
  let tdb: TestDatabase;
  const runtimes: JobRuntime[] = [];
  beforeAll(async () => {
    tdb = await createTestDatabase("postgres");
  }, 120_000);
  afterAll(async () => {
    for (const r of runtimes) await r.stop({ graceful: false }).catch(() => {});
    await tdb?.dispose();
  }, 60_000);

  it("runs once per tick across both instances, and purges each expired case once", async () => {
    const db = tdb.handle.prisma;
    const expired = await makeCase(db, { createdOn: daysAgo(120) });
    const kept = await makeCase(db, { createdOn: daysAgo(10) });
    const clock = new TestClock(START);
    const runs: Run[] = [];
    for (const name of ["server-a", "server-b"]) {
      runtimes.push(
        await startJobRuntime({
          database: { kind: "postgres", url: tdb.url!, poolSize: 3 },
          definitions: [countingPurge(db, name, runs)],
          schedules: [{ queue: QUEUES.retentionPurge, cron: EVERY_MINUTE }],
          clock,
          instanceName: name,
        }),
      );
    }
    const [a] = runtimes as [JobRuntime, JobRuntime];

    // Five minutes: each instance's scheduler wakes every 30 s and both try to send every due minute.
    for (let minute = 0; minute < 5; minute++) await clock.tick(60_000);
    await drain(clock, a);

    // 10:01 to 10:05 (the schedule is written after the instances' first pass at 10:00:30): five ticks, five runs of
    // five distinct jobs, although both instances' schedulers saw every due minute.
    expect(runs).toHaveLength(5);
    expect(new Set(runs.map((r) => r.jobId)).size).toBe(5);
    const jobs = await a.boss.findJobs(QUEUES.retentionPurge);
    expect(jobs.filter((j) => j.state === "completed")).toHaveLength(5);

    expect(await db.case.findUnique({ where: { id: expired.id } })).toBeNull();
    expect(await db.case.findUnique({ where: { id: kept.id } })).not.toBeNull();
    expect(await db.auditEvent.count({ where: { action: "case.purge", caseId: expired.id } })).toBe(1);
  }, 120_000);
});

describe("[pglite] single-machine mode", () => {
  let tdb: TestDatabase;
  let runtime: JobRuntime | undefined;
  beforeAll(async () => {
    tdb = await createTestDatabase("pglite");
  }, 120_000);
  afterAll(async () => {
    await runtime?.stop({ graceful: false }).catch(() => {});
    await tdb?.dispose();
  }, 60_000);

  it("runs the schedule in process on the app's own PGlite, and retries a failed run", async () => {
    const db = tdb.handle.prisma;
    const expired = await makeCase(db, { createdOn: daysAgo(120) });
    const clock = new TestClock(START);
    const runs: Run[] = [];
    runtime = await startJobRuntime({
      database: { kind: "pglite", pglite: tdb.handle.pglite! },
      definitions: [countingPurge(db, "single", runs, true)],
      schedules: [{ queue: QUEUES.retentionPurge, cron: EVERY_MINUTE }],
      clock,
    });
    expect(runtime.mode).toBe("single-machine");

    for (let minute = 0; minute < 2; minute++) await clock.tick(60_000);
    // The failed run is retried after the queue's retry delay (60 s).
    await clock.tick(61_000);
    await drain(clock, runtime);

    const failed = runs.filter((r) => r.jobId.endsWith(":failed"));
    expect(failed).toHaveLength(1);
    const retried = runs.filter((r) => r.jobId === failed[0]!.jobId.replace(":failed", ""));
    expect(retried).toHaveLength(1);
    const stats = await runtime.stats();
    expect(stats.outcomes[QUEUES.retentionPurge]).toMatchObject({ failed: 1 });
    expect(stats.outcomes[QUEUES.retentionPurge].completed).toBeGreaterThanOrEqual(3);
    expect(await db.case.findUnique({ where: { id: expired.id } })).toBeNull();
    expect(await db.auditEvent.count({ where: { action: "case.purge", caseId: expired.id } })).toBe(1);
  }, 120_000);
});
