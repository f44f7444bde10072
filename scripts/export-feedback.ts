/**
 * Writes the clinician-labelled cases as JSONL in the corpus format
 * ({id, text, label, labels, source, ...}, like shared/data/reddit-mh) for retraining.
 * The text is the stored, already anonymized text. The export is audited.
 *
 *   npm run export:feedback [-- --out data/feedback.jsonl]   (default: stdout)
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { openDatabase } from "@/lib/db/connect";
import { systemActor } from "@/lib/auth/actor";
import { collectFeedback } from "@/lib/db/feedback";

const { values } = parseArgs({ options: { out: { type: "string", short: "o" } } });

const handle = await openDatabase();
try {
  const rows = await collectFeedback(handle.prisma, systemActor("cli"));
  const jsonl = rows.map((r) => JSON.stringify(r)).join("\n") + (rows.length ? "\n" : "");
  if (values.out) {
    fs.mkdirSync(path.dirname(path.resolve(values.out)), { recursive: true });
    // Owner-only: the text is anonymized, but it is still someone's words.
    fs.writeFileSync(values.out, jsonl, { mode: 0o600 });
    console.error(`Wrote ${rows.length} labelled case(s) to ${values.out}.`);
  } else {
    process.stdout.write(jsonl);
    console.error(`Exported ${rows.length} labelled case(s).`);
  }
} finally {
  await handle.close();
}
