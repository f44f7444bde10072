/**
 * Anonymizes every stored case (text, evidence sentences, generated message) and clinician note again with the
 * current rules, when it was anonymized by older ones (lib/db/reanonymize.ts): in batches, each batch audited
 * ("anonymizer.rerun", counts only), rows already current skipped, so running it again changes nothing. The server
 * does the same at start; with PGlite stop the server first (one process per data folder).
 *
 *   npm run reanonymize [-- --batch-size 50] [-- --dry-run]
 */
import { parseArgs } from "node:util";
import { ANONYMIZER_VERSION } from "@/lib/anonymize";
import { systemActor } from "@/lib/auth/actor";
import { openDatabase } from "@/lib/db/connect";
import { reanonymizeStored } from "@/lib/db/reanonymize";

const { values } = parseArgs({ options: { "batch-size": { type: "string" }, "dry-run": { type: "boolean" } } });
const batchSize = values["batch-size"] ? Number(values["batch-size"]) : 50;
if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 1000) {
  console.error("--batch-size must be a whole number from 1 to 1000.");
  process.exit(64);
}

const handle = await openDatabase();
try {
  const outdated = { anonymizerVersion: { lt: ANONYMIZER_VERSION } };
  if (values["dry-run"]) {
    const [cases, notes, messages] = await Promise.all([
      handle.prisma.case.count({ where: outdated }),
      handle.prisma.caseNote.count({ where: outdated }),
      handle.prisma.caseMessage.count({ where: outdated }),
    ]);
    console.log(
      `${cases} case(s), ${notes} note(s) and ${messages} follow-up message(s) were anonymized by rules older than version ${ANONYMIZER_VERSION} (dry run).`,
    );
  } else {
    const res = await reanonymizeStored(handle.prisma, systemActor("cli"), { batchSize });
    console.log(
      `Anonymizer version ${res.version}: ${res.cases} case(s) (${res.casesChanged} with words replaced) and ` +
        `${res.notes} note(s) (${res.notesChanged} with words replaced) brought to the current rules` +
        (res.batches ? `, ${res.batches} audited batch(es).` : "; nothing to do."),
    );
  }
} finally {
  await handle.close();
}
