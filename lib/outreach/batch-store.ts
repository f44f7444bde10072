/**
 * Large outreach batches, the worker's side: a batch of more than LARGE_BATCH_POSTS posts is uploaded in parts
 * (each under the server-action body limit, sealed at once), then started: the batch is marked queued and its job is
 * enqueued in the same transaction, so there is never a queued batch without a job or a job without its posts. The
 * page then polls: each poll says how many results it has received, those are deleted, and the next ones are sent.
 *
 * Every function checks the role itself and reads only the caller's own batches: another worker's batch id reads as
 * "not found", the same as one that never existed or has expired.
 */
import "server-only";
import { randomUUID } from "node:crypto";
import { assertRole } from "@/lib/auth/actor";
import type { SessionUser } from "@/lib/auth/roles";
import type { PrismaClient } from "@/lib/db/generated/client";
import { QUEUES } from "@/lib/jobs/queues";
import type { JobRuntime } from "@/lib/jobs/runtime";
import { UserFacingError } from "@/lib/errors";
import { sealPosts } from "./batch-seal";
import type { TriageModel, TriageResult } from "./types";

const OUTREACH_ROLES = ["OUTREACH", "ADMIN"] as const;
/** Results (and an unfinished upload) are kept this long at most. */
export const BATCH_KEEP_MS = 24 * 60 * 60_000;
/** Results sent per poll: about 1 KB each. */
const RESULTS_PER_POLL = 250;

export const BATCH_NOT_FOUND = "This batch is no longer available: its results were downloaded, or it expired after 24 hours.";

export type BatchState = "uploading" | "queued" | "running" | "done" | "failed";

export interface BatchView {
  state: BatchState;
  total: number;
  done: number;
  model: TriageModel | null;
  /** Results from the index the poll said it had received, in order. */
  results: { index: number; result: TriageResult }[];
}

function notFound(): never {
  throw new UserFacingError(BATCH_NOT_FOUND, { kind: "not_found" });
}

async function ownBatch(db: Pick<PrismaClient, "outreachBatch">, user: SessionUser, batchId: string) {
  const batch = await db.outreachBatch.findFirst({ where: { id: batchId, userId: user.id } });
  return batch ?? notFound();
}

export async function createOutreachBatch(db: PrismaClient, actor: SessionUser, input: { total: number; country: string }, now = new Date()) {
  const user = assertRole(actor, OUTREACH_ROLES);
  const batch = await db.outreachBatch.create({
    data: { id: randomUUID(), userId: user.id, total: input.total, country: input.country, expiresAt: new Date(now.getTime() + BATCH_KEEP_MS) },
    select: { id: true },
  });
  return { batchId: batch.id };
}

/** Stores one part of the posts, sealed. Sending the same part again (a retried call) keeps the first. */
export async function addOutreachBatchPart(
  db: PrismaClient,
  actor: SessionUser,
  input: { batchId: string; part: number; firstIndex: number; posts: string[]; countries?: string[] },
  key: Buffer,
) {
  const user = assertRole(actor, OUTREACH_ROLES);
  const batch = await ownBatch(db, user, input.batchId);
  if (batch.state !== "UPLOADING") throw new UserFacingError("This batch has already been started.", { kind: "conflict" });
  if (input.firstIndex + input.posts.length > batch.total) throw new UserFacingError("This part does not fit the batch.", { kind: "invalid_input" });
  await db.outreachBatchPart.createMany({
    data: [{ batchId: batch.id, part: input.part, firstIndex: input.firstIndex, count: input.posts.length, sealed: new Uint8Array(sealPosts(input.posts.map((text, i) => ({ text, country: input.countries?.[i] ?? batch.country })), key, batch.id, input.part)) }],
    skipDuplicates: true,
  });
  return { stored: input.posts.length };
}

/** Queues the batch's job in the same transaction that marks it queued, once its parts hold every post exactly once. */
export async function startOutreachBatch(db: PrismaClient, runtime: Pick<JobRuntime, "send">, actor: SessionUser, input: { batchId: string }) {
  const user = assertRole(actor, OUTREACH_ROLES);
  const batch = await ownBatch(db, user, input.batchId);
  if (batch.state !== "UPLOADING") return { batchId: batch.id };
  const parts = await db.outreachBatchPart.findMany({ where: { batchId: batch.id }, select: { firstIndex: true, count: true }, orderBy: { firstIndex: "asc" } });
  let next = 0;
  for (const p of parts) {
    if (p.firstIndex !== next) break;
    next += p.count;
  }
  if (next !== batch.total) throw new UserFacingError("Some posts of this batch did not arrive. Please send the batch again.", { kind: "invalid_input" });
  await db.$transaction(async (tx) => {
    const moved = await tx.outreachBatch.updateMany({ where: { id: batch.id, state: "UPLOADING" }, data: { state: "QUEUED" } });
    if (moved.count === 1) await runtime.send(QUEUES.outreachBatch, { batchId: batch.id }, { tx });
  });
  return { batchId: batch.id };
}

/**
 * Progress and the next results. `received` results (indexes below it) have reached the page and are deleted now;
 * once the page has received every result of a finished batch, the batch itself is deleted.
 */
export async function readOutreachBatch(db: PrismaClient, actor: SessionUser, input: { batchId: string; received: number }): Promise<BatchView> {
  const user = assertRole(actor, OUTREACH_ROLES);
  const batch = await ownBatch(db, user, input.batchId);
  if (input.received > 0) await db.outreachBatchResult.deleteMany({ where: { batchId: batch.id, index: { lt: input.received } } });
  const finished = batch.state === "DONE" || batch.state === "FAILED";
  if (finished && input.received >= batch.done) {
    await db.outreachBatch.deleteMany({ where: { id: batch.id } });
  }
  const rows = await db.outreachBatchResult.findMany({
    where: { batchId: batch.id, index: { gte: input.received } },
    orderBy: { index: "asc" },
    take: RESULTS_PER_POLL,
  });
  return {
    state: batch.state.toLowerCase() as BatchState,
    total: batch.total,
    done: batch.done,
    model: batch.modelName && batch.modelVersion ? { name: batch.modelName, version: batch.modelVersion } : null,
    results: rows.map((r) => ({ index: r.index, result: r.result as unknown as TriageResult })),
  };
}

/** Batches past their time go with their parts and results: nobody downloaded them within 24 h. */
export async function purgeExpiredOutreachBatches(db: PrismaClient, now = new Date()): Promise<number> {
  const res = await db.outreachBatch.deleteMany({ where: { expiresAt: { lt: now } } });
  return res.count;
}
