/**
 * Retention: cases saved more than CASE_RETENTION_DAYS days ago are deleted (with
 * their notes and labels, by cascade). Each deletion leaves a "case.purge" audit
 * event, written in the same transaction, so the trail shows what went and when.
 * Only operator tools run this (the `npm run purge` CLI and the server's schedule).
 */
import "server-only";
import type { PrismaClient } from "./generated/client";
import { type Actor, assertRoleOrSystem } from "@/lib/auth/actor";
import { recordAuditMany } from "./audit";
import { purgeRetiredSubmissions } from "./retired-submissions";

const BATCH = 500;
// A batch deletes up to 500 cases with their notes and labels: allow more than Prisma's
// 2 s wait for a connection and 5 s run time, e.g. right after a busy server start.
const TX_OPTIONS = { maxWait: 15_000, timeout: 60_000 } as const;

/** The first day that is kept: cases created on an earlier day are purged. */
export function retentionCutoff(retentionDays: number, today: Date = new Date()): Date {
  const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
  d.setUTCDate(d.getUTCDate() - retentionDays);
  return d;
}

export async function purgeExpiredCases(
  db: PrismaClient,
  actor: Actor,
  opts: { retentionDays: number; today?: Date },
): Promise<{ deleted: number; cutoff: string }> {
  // No role may purge from the app: admins manage people, not case data.
  assertRoleOrSystem(actor, []);
  if (!Number.isInteger(opts.retentionDays) || opts.retentionDays < 1) throw new RangeError("retentionDays must be >= 1");
  const cutoff = retentionCutoff(opts.retentionDays, opts.today);
  const cutoffDay = cutoff.toISOString().slice(0, 10);
  let deleted = 0;
  for (;;) {
    const n = await db.$transaction(async (tx) => {
      const batch = await tx.case.findMany({
        where: { createdOn: { lt: cutoff } },
        select: { id: true, reference: true, createdOn: true },
        orderBy: { seq: "asc" },
        take: BATCH,
      });
      if (batch.length === 0) return 0;
      await tx.case.deleteMany({ where: { id: { in: batch.map((c) => c.id) } } });
      await recordAuditMany(
        tx,
        batch.map((c) => ({
          actor,
          action: "case.purge" as const,
          caseId: c.id,
          details: { reference: c.reference, createdOn: c.createdOn.toISOString().slice(0, 10), retentionDays: opts.retentionDays },
        })),
      );
      return batch.length;
    }, TX_OPTIONS);
    deleted += n;
    if (n < BATCH) break;
  }
  // Tombstones of deleted cases outlive every save receipt by a day; after that they only hold a key.
  await purgeRetiredSubmissions(db, opts.today);
  return { deleted, cutoff: cutoffDay };
}
