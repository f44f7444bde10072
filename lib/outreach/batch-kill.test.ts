/**
 * A 1,000-post outreach batch survives the instance reading it being killed: the worker runs in a child process (its
 * own job runtime and model, as a second server), is SIGKILLed mid-batch, and a job runtime in this process takes
 * the job over once the dead instance's heartbeat stops. It resumes after the last stored chunk (it does not start
 * over), and every post ends up read exactly once in the results, each result the real model's reading of its post.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/test/support/db";
import { makeUser } from "@/test/review/fixtures";
import { outreachBatchJob } from "@/lib/jobs/outreach-jobs";
import { QUEUES } from "@/lib/jobs/queues";
import { defineJob, startJobRuntime, type JobRuntime } from "@/lib/jobs/runtime";
import { existsSync } from "node:fs";
import { DEFAULT_MODEL_DIR } from "@/lib/classifier/model-dir";
import { chunkPosts } from "./chunks";
import { BATCH_PART_LIMITS } from "./config";
import { batchSealKey } from "./batch-seal";
import { addOutreachBatchPart, createOutreachBatch, startOutreachBatch } from "./batch-store";
import { triagePosts } from "./triage";

const SECRET = "kill-test-secret-0123456789abcdef0123456789";
const POSTS = [
  "I don't see the point in anything anymore. I've been thinking about ending my life and I have a plan.",
  "My heart races every time I leave the house and I can't stop worrying that something terrible will happen.",
  "Had a nice walk with my dog today, the weather was lovely and I'm looking forward to the weekend.",
  "I haven't slept properly in weeks, nothing makes me happy and I can barely get out of bed.",
  "Three days without sleep and I feel unstoppable, I started four businesses this week.",
  "Does anyone know a good recipe for banana bread? Mine always comes out dry.",
  "Everyone would be better off without me. I wrote letters to my family tonight.",
  "I keep checking the locks over and over and my chest gets tight before every meeting.",
];
const texts = Array.from({ length: 1000 }, (_, i) => `${POSTS[i % POSTS.length]} (${i})`);

async function waitFor<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms: number, what: string): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function startWorker(url: string): Promise<{ child: ChildProcess; output: string[] }> {
  const root = path.resolve(import.meta.dirname, "../..");
  // Node itself with tsx's loader (not the tsx command, which runs the script in a second process): the pid killed
  // is the worker's.
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "test/support/outreach-batch-worker.ts"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url, AUTH_SECRET: SECRET, LOG_LEVEL: "warn", VITEST: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker did not start: ${output.join("")}`)), 90_000);
    child.stderr!.on("data", (d: Buffer) => output.push(d.toString()));
    child.stdout!.on("data", (d: Buffer) => {
      output.push(d.toString());
      if (output.join("").includes("ready")) {
        clearTimeout(timer);
        resolve({ child, output });
      }
    });
    child.on("exit", (code) => reject(new Error(`worker exited (${code}): ${output.join("")}`)));
  });
}

const modelPresent = existsSync(path.resolve(import.meta.dirname, "../..", DEFAULT_MODEL_DIR, "model.onnx"));

describe.skipIf(!process.env.TEST_DATABASE_URL || !modelPresent)("[postgres] a 1,000-post batch when its instance is killed", () => {
  let tdb: TestDatabase;
  const runtimes: JobRuntime[] = [];
  let child: ChildProcess | undefined;
  beforeAll(async () => {
    tdb = await createTestDatabase("postgres");
  }, 120_000);
  afterAll(async () => {
    child?.kill("SIGKILL");
    for (const r of runtimes) await r.stop({ graceful: false }).catch(() => {});
    await tdb?.dispose();
  }, 60_000);

  it("is resumed by another instance without starting over, every post read exactly once", async () => {
    const db = tdb.handle.prisma;
    const key = batchSealKey(SECRET);
    const worker = await makeUser(db, "OUTREACH");
    // The instance the worker's page talks to: it stores the batch and queues the job, and reads no jobs itself.
    const front = await startJobRuntime({ database: { kind: "postgres", url: tdb.url!, poolSize: 2 }, definitions: [] });
    runtimes.push(front);

    const doomed = await startWorker(tdb.url!);
    child = doomed.child;
    const { batchId } = await createOutreachBatch(db, worker, { total: texts.length, country: "US" });
    let firstIndex = 0;
    for (const [part, chunk] of chunkPosts(
      texts.map((text) => ({ text })),
      BATCH_PART_LIMITS,
    ).entries()) {
      await addOutreachBatchPart(db, worker, { batchId, part, firstIndex, posts: chunk.map((p) => p.text) }, key);
      firstIndex += chunk.length;
    }
    await startOutreachBatch(db, front, worker, { batchId });

    const atKill = await waitFor(
      () => db.outreachBatch.findUniqueOrThrow({ where: { id: batchId } }),
      (b) => b.done >= 150,
      90_000,
      "the first instance to read 150 posts",
    );
    child.kill("SIGKILL");
    await new Promise((r) => child!.once("exit", r));
    const doneAtKill = (await db.outreachBatch.findUniqueOrThrow({ where: { id: batchId } })).done;
    expect(doneAtKill).toBeGreaterThanOrEqual(atKill.done);
    expect(doneAtKill).toBeLessThan(texts.length);

    const reports: Record<string, unknown>[] = [];
    const survivor = await startJobRuntime({
      database: { kind: "postgres", url: tdb.url!, poolSize: 3 },
      definitions: [
        defineJob(outreachBatchJob({ db: async () => db, key, classify: triagePosts, report: (event, d) => reports.push({ event, ...d }) })),
      ],
      pollingIntervalSeconds: 0.5,
      superviseIntervalSeconds: 1,
    });
    runtimes.push(survivor);
    const finished = await waitFor(
      () => db.outreachBatch.findUniqueOrThrow({ where: { id: batchId } }),
      (b) => b.state === "DONE",
      120_000,
      "the second instance to finish the batch",
    );

    expect(finished.done).toBe(texts.length);
    const results = await db.outreachBatchResult.findMany({ where: { batchId }, orderBy: { index: "asc" } });
    expect(results.map((r) => r.index)).toEqual(texts.map((_, i) => i));
    // The survivor read only what was left: the checkpoint held.
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ event: "outreach.batch.done" });
    expect(reports[0]!.read).toBe(texts.length - doneAtKill);
    expect(reports[0]!.attempt).toBeGreaterThanOrEqual(2);
    // The posts went with the end of the job.
    expect(await db.outreachBatchPart.count({ where: { batchId } })).toBe(0);
    const [job] = await front.boss.findJobs(QUEUES.outreachBatch, { data: { batchId } });
    expect(job).toMatchObject({ state: "completed" });

    // Each stored result is the model's reading of the post at its index (both instances' halves); batched inference
    // pads posts to their chunk's length, which moves a probability by up to ~1e-3.
    const sample = [0, 6, doneAtKill - 1, doneAtKill, 999].filter((i) => i >= 0);
    const fresh = await triagePosts(
      sample.map((i) => texts[i]!),
      "US",
    );
    sample.forEach((i, j) => {
      const stored = results[i]!.result as { tier: string; probabilities: Record<string, number> };
      expect(stored.tier).toBe(fresh.results[j]!.tier);
      for (const [label, p] of Object.entries(fresh.results[j]!.probabilities)) expect(stored.probabilities[label]).toBeCloseTo(p, 2);
    });
  }, 300_000);
});
