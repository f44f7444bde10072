/**
 * Helper process for lib/db/crash.test.ts: opens the PGlite folder given as argv[2] and
 * saves cases one transaction at a time (case + audit-free note-less insert), printing
 * "committed <submissionKey>" after each commit, until it is killed.
 */
import { openDatabase } from "../../lib/db/connect";

async function main() {
  const db = await openDatabase({ databaseUrl: null, dataDir: process.argv[2]!, migrate: true });
  console.log("ready");
  for (let i = 0; ; i++) {
    const key = `crash-${process.pid}-${i}`;
    await db.prisma.$transaction(async (tx) => {
      const c = await tx.case.create({
        data: {
          reference: `LNT-CR${process.pid}-${i}`,
          submissionKey: key,
          createdOn: new Date(),
          redactedText: "x".repeat(2000),
          probabilities: { depression: 0.5, anxiety: 0.2, bipolar: 0.1, suicidal: 0.1 },
          labels: ["depression"],
          topLabel: "depression",
          tier: "LOW",
          confidence: 0.5,
          evidence: [],
          modelName: "m",
          modelVersion: "v",
          resourcesShown: [],
          country: "GB",
        },
      });
      await tx.auditEvent.create({ data: { action: "test.crash", caseId: c.id } });
    });
    console.log(`committed ${key}`);
  }
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
