/**
 * Start-up work of the staff side, called from instrumentation.ts register(): the first administrator (if none
 * exists) and the background jobs (lib/jobs: the retention purge on its schedule, and anonymizing stored text again
 * when the anonymizer's rules are newer). A database that is not reachable yet must not stop the server: the public
 * self-check and its crisis help work without it, and the jobs start when it returns.
 */
import "server-only";
import { getDb } from "@/lib/db/client";
import { ensureBootstrapAdmin } from "@/lib/auth/bootstrap";
import { startJobs } from "@/lib/jobs";
import { logger } from "@/lib/log";

export async function startStaffServices(): Promise<void> {
  try {
    await ensureBootstrapAdmin(await getDb());
  } catch (err) {
    logger.child({ module: "bootstrap" }).error({ err }, "could not check for a first administrator; run `npm run user -- add` instead");
  }
  // Not awaited: installing the job schema on a new database takes seconds, and nothing the server answers needs it.
  void startJobs();
}
