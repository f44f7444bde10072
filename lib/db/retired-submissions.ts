/**
 * Tombstones of deleted cases' submission keys. A save receipt lives 30 minutes; while it does, the person's browser
 * (or anyone who copied the request) could replay it and re-create a case a clinician deleted. saveCase refuses a
 * retired key. Tombstones carry a day, never a time, and are purged once every receipt for them has expired.
 */
import type { PrismaClient } from "./generated/client";

type Tx = Pick<PrismaClient, "retiredSubmission">;

/** Midnight UTC of the given day: the only time information a case or a tombstone carries. */
export function todayUtc(now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/** Kept to the end of the next day: outlives any 30-minute receipt issued before the deletion. */
export function tombstoneKeepUntil(now = new Date()): Date {
  const day = todayUtc(now);
  day.setUTCDate(day.getUTCDate() + 1);
  return day;
}

export async function retireSubmission(tx: Tx, submissionKey: string, now = new Date()): Promise<void> {
  const keepUntil = tombstoneKeepUntil(now);
  await tx.retiredSubmission.upsert({ where: { submissionKey }, create: { submissionKey, keepUntil }, update: { keepUntil } });
}

export async function isRetired(tx: Tx, submissionKey: string): Promise<boolean> {
  return (await tx.retiredSubmission.findUnique({ where: { submissionKey }, select: { submissionKey: true } })) !== null;
}

/** Drops tombstones whose last day is over (run with the retention purge). */
export async function purgeRetiredSubmissions(tx: Tx, today = new Date()): Promise<number> {
  return (await tx.retiredSubmission.deleteMany({ where: { keepUntil: { lt: todayUtc(today) } } })).count;
}
