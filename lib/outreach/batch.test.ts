/**
 * Large outreach batches on PGlite (the single-machine mode: pg-boss in process) and on PostgreSQL: the batch and its
 * job are written in one transaction, the job reads the posts with progress, the results are visible to the worker
 * who sent the batch only, and they go when downloaded or after 24 h. The classifier is a stand-in here (each post's
 * reading is derived from its words, so a misplaced result shows); batch-kill.test.ts runs the real model.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { forEachDatabase } from "@/test/support/db";
import { makeUser } from "@/test/review/fixtures";
import type { PrismaClient } from "@/lib/db/generated/client";
import { outreachBatchJob } from "@/lib/jobs/outreach-jobs";
import { QUEUES } from "@/lib/jobs/queues";
import { defineJob, startJobRuntime, type JobRuntime } from "@/lib/jobs/runtime";
import { UserFacingError } from "@/lib/errors";
import { batchSealKey } from "./batch-seal";
import { addOutreachBatchPart, createOutreachBatch, purgeExpiredOutreachBatches, readOutreachBatch, startOutreachBatch, BATCH_KEEP_MS } from "./batch-store";
import type { TriageResult } from "./types";

const key = batchSealKey("a-test-secret-of-at-least-32-characters!!");
const posts = (n: number, tag: string) => Array.from({ length: n }, (_, i) => `post ${i} of ${tag}: I can't sleep and everything feels heavy`);

/** A reading that names its post, so a result stored at the wrong index is caught; a chunk takes 40 ms, as a slow model. */
const countriesRead: string[] = [];
async function standIn(texts: string[], countries: string[]) {
  countriesRead.push(...countries);
  await new Promise((r) => setTimeout(r, 40));
  return {
    model: { name: "stand-in", version: "1" },
    results: texts.map(
      (t): TriageResult => ({
        probabilities: { depression: 0.5, anxiety: 0.1, bipolar: 0.1, suicidal: 0.1, none: 0.2 },
        labels: ["depression"],
        topLabel: t,
        confidence: "moderate",
        tier: "elevated",
        tierReason: { words: null, model: null },
        resources: [],
      }) as unknown as TriageResult,
    ),
  };
}

async function waitFor<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`timed out; last: ${JSON.stringify(v).slice(0, 300)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

forEachDatabase((getDb, kind, getHandle, getUrl) => {
  let runtime: JobRuntime;
  beforeAll(async () => {
    const handle = getHandle();
    runtime = await startJobRuntime({
      database: kind === "postgres" ? { kind: "postgres", url: getUrl()!, poolSize: 3 } : { kind: "pglite", pglite: handle.pglite! },
      definitions: [defineJob(outreachBatchJob({ db: async () => handle.prisma, key, classify: (t, _country, countries) => standIn(t, countries) }))],
      pollingIntervalSeconds: 0.5,
    });
  }, 120_000);
  afterAll(async () => {
    await runtime?.stop({ graceful: false });
  }, 60_000);

  // The first part takes the batch's country (GB); the second sends each post's own (US, from a CSV column).
  async function upload(db: PrismaClient, user: Awaited<ReturnType<typeof makeUser>>, texts: string[]) {
    const { batchId } = await createOutreachBatch(db, user, { total: texts.length, country: "GB" });
    await addOutreachBatchPart(db, user, { batchId, part: 0, firstIndex: 0, posts: texts.slice(0, 150) }, key);
    const rest = texts.slice(150);
    await addOutreachBatchPart(db, user, { batchId, part: 1, firstIndex: 150, posts: rest, countries: rest.map(() => "US") }, key);
    return batchId;
  }

  it(`[${kind}] seals the posts, queues the job with the batch, reads it with progress, and forgets the posts`, async () => {
    const db = getDb();
    const worker = await makeUser(db, "OUTREACH");
    const texts = posts(300, "one");
    const batchId = await upload(db, worker, texts);
    const sealed = await db.outreachBatchPart.findMany({ where: { batchId } });
    expect(sealed).toHaveLength(2);
    for (const p of sealed) expect(Buffer.from(p.sealed).toString("latin1")).not.toContain("can't sleep");

    countriesRead.length = 0;
    await startOutreachBatch(db, runtime, worker, { batchId });

    // Download while the job runs, as the page does: each poll says what has arrived, and that much is deleted.
    const seen: string[] = [];
    const progress: number[] = [];
    let received = 0;
    for (const end = Date.now() + 60_000; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) {
      const view = await readOutreachBatch(db, worker, { batchId, received });
      progress.push(view.done);
      for (const r of view.results) {
        expect(r.index).toBe(received);
        seen[r.index] = r.result.topLabel;
        received++;
      }
      expect(await db.outreachBatchResult.count({ where: { batchId, index: { lt: view.results[0]?.index ?? received } } })).toBe(0);
      if (view.state === "done" && received >= view.done) {
        expect(view.done).toBe(300);
        expect(view.model).toEqual({ name: "stand-in", version: "1" });
        expect(await db.outreachBatchPart.count({ where: { batchId } })).toBe(0);
        // The page's last poll says everything has arrived (a poll that already said so deleted the batch).
        await readOutreachBatch(db, worker, { batchId, received }).catch((e: unknown) => expect(e).toBeInstanceOf(UserFacingError));
        break;
      }
    }
    expect(seen).toEqual(texts);
    expect(countriesRead).toEqual([...texts.slice(0, 150).map(() => "GB"), ...texts.slice(150).map(() => "US")]);
    // Progress only moves forward, through values between the start and the end.
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.some((d) => d > 0 && d < 300)).toBe(true);
    // The last poll said every result had arrived: the batch is gone.
    expect(await db.outreachBatch.count({ where: { id: batchId } })).toBe(0);
    expect(await db.outreachBatchResult.count({ where: { batchId } })).toBe(0);
    await expect(readOutreachBatch(db, worker, { batchId, received })).rejects.toThrow(UserFacingError);
  }, 120_000);

  it(`[${kind}] a batch and its job are one transaction: no job without the batch queued, none for a rolled-back start`, async () => {
    const db = getDb();
    const worker = await makeUser(db, "OUTREACH");
    const batchId = await upload(db, worker, posts(300, "two"));
    const failing = {
      async send(...args: Parameters<JobRuntime["send"]>) {
        await runtime.send(...args);
        throw new Error("the transaction fails after the enqueue");
      },
    };
    await expect(startOutreachBatch(db, failing, worker, { batchId })).rejects.toThrow(/after the enqueue/);
    const jobs = await runtime.boss.findJobs(QUEUES.outreachBatch, { data: { batchId } });
    expect(jobs).toHaveLength(0);
    expect((await db.outreachBatch.findUniqueOrThrow({ where: { id: batchId } })).state).toBe("UPLOADING");
  }, 60_000);

  it(`[${kind}] only the worker who sent a batch sees it, and unread results go after 24 h`, async () => {
    const db = getDb();
    const owner = await makeUser(db, "OUTREACH");
    const other = await makeUser(db, "OUTREACH");
    const admin = await makeUser(db, "ADMIN");
    const clinician = await makeUser(db, "CLINICIAN");
    const batchId = await upload(db, owner, posts(300, "three"));
    await startOutreachBatch(db, runtime, owner, { batchId });
    await waitFor(
      () => readOutreachBatch(db, owner, { batchId, received: 0 }),
      (v) => v.state === "done",
    );

    for (const someoneElse of [other, admin]) {
      const err = await readOutreachBatch(db, someoneElse, { batchId, received: 300 }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(UserFacingError);
      expect((err as UserFacingError).kind).toBe("not_found");
      await expect(addOutreachBatchPart(db, someoneElse, { batchId, part: 9, firstIndex: 0, posts: ["x"] }, key)).rejects.toThrow(UserFacingError);
      await expect(startOutreachBatch(db, runtime, someoneElse, { batchId })).rejects.toThrow(UserFacingError);
    }
    await expect(readOutreachBatch(db, clinician, { batchId, received: 0 })).rejects.toMatchObject({ name: "AuthError", kind: "forbidden" });
    // Their attempts deleted nothing.
    expect(await db.outreachBatchResult.count({ where: { batchId } })).toBe(300);

    const created = await db.outreachBatch.findUniqueOrThrow({ where: { id: batchId } });
    expect(await purgeExpiredOutreachBatches(db, new Date(created.expiresAt.getTime() - 1000))).toBe(0);
    expect(created.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(BATCH_KEEP_MS);
    expect(await purgeExpiredOutreachBatches(db, new Date(created.expiresAt.getTime() + 1000))).toBeGreaterThanOrEqual(1);
    expect(await db.outreachBatch.count({ where: { id: batchId } })).toBe(0);
    expect(await db.outreachBatchResult.count({ where: { batchId } })).toBe(0);
  }, 120_000);

  it(`[${kind}] refuses a start before every post has arrived, and a part that does not fit`, async () => {
    const db = getDb();
    const worker = await makeUser(db, "OUTREACH");
    const { batchId } = await createOutreachBatch(db, worker, { total: 300, country: "" });
    await addOutreachBatchPart(db, worker, { batchId, part: 0, firstIndex: 0, posts: posts(150, "four") }, key);
    await expect(startOutreachBatch(db, runtime, worker, { batchId })).rejects.toThrow(/did not arrive/);
    await expect(addOutreachBatchPart(db, worker, { batchId, part: 1, firstIndex: 150, posts: posts(151, "four") }, key)).rejects.toThrow(/does not fit/);
    expect(await runtime.boss.findJobs(QUEUES.outreachBatch, { data: { batchId } })).toHaveLength(0);
  }, 60_000);
});
