/**
 * The job that reads a large outreach batch. Resumable: each chunk's results are written in one transaction with the
 * batch's progress (the checkpoint), and a run starts after the last stored result, so an instance killed mid-batch
 * leaves the rest to the next attempt (pg-boss retries it once the killed instance's heartbeat stops) and no post is
 * read twice into the results (their key is the post's index). When the batch ends, done or failed for good, its
 * posts are deleted; the results wait for the worker (lib/outreach/batch-store.ts).
 */
import "server-only";
import type { PrismaClient } from "@/lib/db/generated/client";
import { openPosts } from "./batch-seal";
import { OUTREACH_LIMITS } from "./config";
import type { TriageModel, TriageResult } from "./types";

export interface BatchRunDeps {
  key: Buffer;
  /** The batch's country for posts without their own, and each post's own ("" for none). */
  classify: (texts: string[], country: string, countries: string[]) => Promise<{ results: TriageResult[]; model: TriageModel }>;
  /** Aborted when this instance lost the job or is stopping: the run ends after the chunk in hand. */
  signal?: AbortSignal;
  /** Awaited before each chunk (the server passes its "answers first" wait). */
  beforeChunk?: () => Promise<void>;
  chunkSize?: number;
}

const TX_OPTIONS = { maxWait: 15_000, timeout: 30_000 } as const;

export async function runOutreachBatch(db: PrismaClient, batchId: string, deps: BatchRunDeps): Promise<{ read: number }> {
  const batch = await db.outreachBatch.findUnique({ where: { id: batchId }, select: { state: true, country: true, total: true } });
  // Downloaded, expired or finished: nothing to do.
  if (!batch || batch.state === "DONE" || batch.state === "FAILED" || batch.state === "UPLOADING") return { read: 0 };
  const parts = await db.outreachBatchPart.findMany({ where: { batchId }, orderBy: { firstIndex: "asc" } });
  const posts = parts.flatMap((p) => openPosts(p.sealed, deps.key, batchId, p.part));
  if (posts.length !== batch.total) throw new Error(`batch ${batchId}: ${posts.length} posts stored for ${batch.total}`);
  await db.outreachBatch.update({ where: { id: batchId }, data: { state: "RUNNING" } });

  const stored = new Set((await db.outreachBatchResult.findMany({ where: { batchId }, select: { index: true } })).map((r) => r.index));
  const todo = posts.map((post, index) => ({ ...post, index })).filter((p) => !stored.has(p.index));
  const size = deps.chunkSize ?? OUTREACH_LIMITS.chunkSize;
  let read = 0;
  for (let i = 0; i < todo.length; i += size) {
    deps.signal?.throwIfAborted();
    await deps.beforeChunk?.();
    const chunk = todo.slice(i, i + size);
    const { results, model } = await deps.classify(
      chunk.map((p) => p.text),
      batch.country,
      chunk.map((p) => p.country),
    );
    if (results.length !== chunk.length) throw new Error(`classifier returned ${results.length} results for ${chunk.length} posts`);
    await db.$transaction(async (tx) => {
      // Counted as inserted, not as rows present: the page deletes results as they reach it.
      const stored = await tx.outreachBatchResult.createMany({
        data: chunk.map((p, j) => ({ batchId, index: p.index, result: results[j] as object })),
        skipDuplicates: true,
      });
      await tx.outreachBatch.update({ where: { id: batchId }, data: { done: { increment: stored.count }, modelName: model.name, modelVersion: model.version } });
    }, TX_OPTIONS);
    read += chunk.length;
  }
  await endBatch(db, batchId, "DONE");
  return { read };
}

/** The batch ends: its posts are deleted in the same transaction that records how it ended. */
export async function endBatch(db: PrismaClient, batchId: string, state: "DONE" | "FAILED"): Promise<void> {
  await db.$transaction([
    db.outreachBatchPart.deleteMany({ where: { batchId } }),
    db.outreachBatch.updateMany({ where: { id: batchId }, data: { state } }),
  ]);
}
