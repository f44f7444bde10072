/**
 * The server's retention schedule: purge expired cases 15 s after start and then
 * every PURGE_INTERVAL_MINUTES. Failures are logged and retried at the next tick;
 * the app keeps serving (and crisis help never depends on this).
 */
import "server-only";
import { getDb } from "@/lib/db/client";
import { purgeExpiredCases } from "@/lib/db/retention";
import { systemActor } from "@/lib/auth/actor";
import { authConfig } from "@/lib/auth/config";
import { logger } from "@/lib/log";

const log = logger.child({ module: "retention" });
const FIRST_RUN_DELAY_MS = 15_000;
const g = globalThis as { __lanternPurgeTimer?: NodeJS.Timeout };

export async function purgeNow(): Promise<void> {
  const { CASE_RETENTION_DAYS } = authConfig();
  try {
    const res = await purgeExpiredCases(await getDb(), systemActor("scheduler"), { retentionDays: CASE_RETENTION_DAYS });
    if (res.deleted > 0) log.info({ deleted: res.deleted, cutoff: res.cutoff }, "purged expired cases");
  } catch (err) {
    log.error({ err }, "scheduled purge failed; will retry");
  }
}

export function startRetentionSchedule(): void {
  if (g.__lanternPurgeTimer) return;
  const every = authConfig().PURGE_INTERVAL_MINUTES * 60_000;
  g.__lanternPurgeTimer = setInterval(() => void purgeNow(), every);
  g.__lanternPurgeTimer.unref();
  // First run shortly after start, once start-up work has settled.
  setTimeout(() => void purgeNow(), FIRST_RUN_DELAY_MS).unref();
}
