/**
 * Outreach as jobs: reading a large batch (lib/outreach/batch-run.ts), and deleting batches nobody downloaded within
 * their 24 hours (on a schedule, once per tick across instances).
 */
import { z } from "zod";
import type { PrismaClient } from "@/lib/db/generated/client";
import { endBatch, runOutreachBatch, type BatchRunDeps } from "@/lib/outreach/batch-run";
import { purgeExpiredOutreachBatches } from "@/lib/outreach/batch-store";
import { QUEUE_OPTIONS, QUEUES } from "./queues";
import type { JobDefinition } from "./runtime";

export interface OutreachJobDeps extends Omit<BatchRunDeps, "signal"> {
  db: () => Promise<PrismaClient>;
  report?: (event: string, details: Record<string, unknown>) => void;
}

const batchData = z.object({ batchId: z.uuid() });
const LAST_ATTEMPT = QUEUE_OPTIONS[QUEUES.outreachBatch].retryLimit ?? 0;

export function outreachBatchJob(deps: OutreachJobDeps): JobDefinition<z.output<typeof batchData>> {
  return {
    queue: QUEUES.outreachBatch,
    data: batchData,
    async handle(job) {
      const db = await deps.db();
      try {
        const { read } = await runOutreachBatch(db, job.data.batchId, { ...deps, signal: job.signal });
        deps.report?.("outreach.batch.done", { read, attempt: job.retryCount + 1 });
      } catch (err) {
        // On the last attempt the batch ends as failed and its posts go now; earlier attempts are retried.
        if (job.retryCount >= LAST_ATTEMPT) await endBatch(db, job.data.batchId, "FAILED").catch(() => {});
        throw err;
      }
    },
  };
}

export function outreachExpiryJob(deps: Pick<OutreachJobDeps, "db" | "report">): JobDefinition<null> {
  return {
    queue: QUEUES.outreachExpiry,
    data: z.unknown().transform(() => null),
    async handle() {
      const deleted = await purgeExpiredOutreachBatches(await deps.db());
      if (deleted > 0) deps.report?.("outreach.batch.expired", { deleted });
    },
  };
}

/** Expired outreach batches are looked for every 15 minutes. */
export const OUTREACH_EXPIRY_CRON = "*/15 * * * *";
