/**
 * Deletes saved cases older than CASE_RETENTION_DAYS (default 180), with their notes
 * and labels; each deletion is audited ("case.purge"). The running server does the
 * same on a schedule; this is for operators and cron.
 *
 *   npm run purge [-- --days 30] [-- --dry-run]
 */
import { parseArgs } from "node:util";
import { openDatabase } from "@/lib/db/connect";
import { systemActor } from "@/lib/auth/actor";
import { authConfig } from "@/lib/auth/config";
import { purgeExpiredCases, retentionCutoff } from "@/lib/db/retention";

const { values } = parseArgs({ options: { days: { type: "string" }, "dry-run": { type: "boolean" } } });
const days = values.days ? Number(values.days) : authConfig().CASE_RETENTION_DAYS;
if (!Number.isInteger(days) || days < 1) {
  console.error("--days must be a whole number of days, 1 or more.");
  process.exit(64);
}

const handle = await openDatabase();
try {
  if (values["dry-run"]) {
    const n = await handle.prisma.case.count({ where: { createdOn: { lt: retentionCutoff(days) } } });
    console.log(`${n} case(s) saved before ${retentionCutoff(days).toISOString().slice(0, 10)} would be purged (dry run).`);
  } else {
    const res = await purgeExpiredCases(handle.prisma, systemActor("cli"), { retentionDays: days });
    console.log(`Purged ${res.deleted} case(s) saved before ${res.cutoff} (retention ${days} days).`);
  }
} finally {
  await handle.close();
}
