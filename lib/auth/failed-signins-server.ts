/** The server's one tally of failed sign-ins, written through the audit trail (see failed-signins.ts). */
import "server-only";
import { getDb } from "@/lib/db/client";
import { recordAuditMany } from "@/lib/db/audit";
import { logger } from "@/lib/log";
import { authConfig } from "./config";
import { createFailedSignIns, type FailedSignIns } from "./failed-signins";

const g = globalThis as { __lanternFailedSignIns?: FailedSignIns };

export function failedSignIns(): FailedSignIns {
  if (!g.__lanternFailedSignIns) {
    const tally = createFailedSignIns(async (events) => recordAuditMany(await getDb(), events), authConfig().AUTH_FAILED_SIGNIN_AUDIT_SECONDS);
    g.__lanternFailedSignIns = tally;
    // A stopping server writes what it counted (serve.mjs gives requests and this up to 5 s).
    process.once("SIGTERM", () => {
      void tally.flush().catch((err: unknown) => logger.error({ err }, "could not write the failed sign-in counts"));
    });
  }
  return g.__lanternFailedSignIns;
}
