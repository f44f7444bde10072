/**
 * Start-up work of the staff side, called from instrumentation.ts register():
 * the first administrator (if none exists) and the retention schedule. A database
 * that is not reachable yet must not stop the server: the public self-check and its
 * crisis help work without it.
 */
import "server-only";
import { getDb } from "@/lib/db/client";
import { ensureBootstrapAdmin } from "@/lib/auth/bootstrap";
import { logger } from "@/lib/log";
import { startRetentionSchedule } from "./retention-schedule";

export async function startStaffServices(): Promise<void> {
  try {
    await ensureBootstrapAdmin(await getDb());
  } catch (err) {
    logger.child({ module: "bootstrap" }).error({ err }, "could not check for a first administrator; run `npm run user -- add` instead");
  }
  startRetentionSchedule();
}
