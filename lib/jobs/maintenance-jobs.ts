/**
 * The staff side's maintenance as jobs: the retention purge (on a cron schedule) and anonymizing stored text again
 * after the anonymizer's rules changed (asked for at every start; one run at a time across instances). Both were
 * per-process timers and start-up work; as jobs, N instances on one PostgreSQL do each once.
 */
import { z } from "zod";
import { systemActor } from "@/lib/auth/actor";
import type { PrismaClient } from "@/lib/db/generated/client";
import { hasOutdatedText, reanonymizeStored } from "@/lib/db/reanonymize";
import { purgeExpiredCases } from "@/lib/db/retention";
import { QUEUES } from "./queues";
import type { JobDefinition, JobRuntime } from "./runtime";

export interface MaintenanceDeps {
  db: () => Promise<PrismaClient>;
  retentionDays: () => number;
  /** Awaited before each re-anonymized row: the server passes its "answers first" wait. */
  beforeEachRow?: () => Promise<void>;
  /** Job outcomes worth an operator's line in the log (counts only). */
  report?: (event: string, details: Record<string, unknown>) => void;
}

/** A scheduled job carries no data; anything else in the row is ignored rather than trusted. */
const noData = z.unknown().transform(() => null);

export function retentionPurgeJob(deps: MaintenanceDeps): JobDefinition<null> {
  return {
    queue: QUEUES.retentionPurge,
    data: noData,
    async handle() {
      const res = await purgeExpiredCases(await deps.db(), systemActor("scheduler"), { retentionDays: deps.retentionDays() });
      if (res.deleted > 0) deps.report?.("retention.purged", { deleted: res.deleted, cutoff: res.cutoff });
    },
  };
}

export function reanonymizeJob(deps: MaintenanceDeps): JobDefinition<null> {
  return {
    queue: QUEUES.reanonymize,
    data: noData,
    async handle() {
      const db = await deps.db();
      // A second request queued behind a finished run finds nothing left to do.
      if (!(await hasOutdatedText(db))) return;
      const res = await reanonymizeStored(db, systemActor("scheduler"), {
        beforeEachRow: async () => {
          await deps.beforeEachRow?.();
          await new Promise((resolve) => setImmediate(resolve));
        },
      });
      deps.report?.("reanonymize.done", { ...res });
    },
  };
}

/** At start: asks for a re-anonymization run when stored text is older than the current rules (the queue keeps one). */
export async function requestReanonymizeIfOutdated(db: PrismaClient, runtime: Pick<JobRuntime, "send">): Promise<boolean> {
  if (!(await hasOutdatedText(db))) return false;
  await runtime.send(QUEUES.reanonymize, {});
  return true;
}
