/**
 * At server start: when stored cases or notes were anonymized by older rules than the current ones
 * (ANONYMIZER_VERSION), they are anonymized again in the background (lib/db/reanonymize.ts). Nothing waits for it:
 * the public self-check and its crisis help answer as usual, and before each row the run waits until no answer is
 * being worked on (the same "answers first" rule as a save) and gives the event loop a turn. A database that is not
 * reachable, or a failure, is logged; the next start tries again, and `npm run reanonymize` does it by hand.
 */
import "server-only";
import { systemActor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db/client";
import { hasOutdatedText, reanonymizeStored } from "@/lib/db/reanonymize";
import { logger } from "@/lib/log";

const log = logger.child({ module: "reanonymize" });
const g = globalThis as { __lanternReanonymize?: Promise<void> };

export function reanonymizeOnStart(yieldToAnswers: () => Promise<void>): Promise<void> {
  g.__lanternReanonymize ??= (async () => {
    try {
      const db = await getDb();
      if (!(await hasOutdatedText(db))) return;
      log.info("stored text was anonymized by older rules: anonymizing it again in the background");
      const res = await reanonymizeStored(db, systemActor("startup"), {
        beforeEachRow: async () => {
          await yieldToAnswers();
          await new Promise((resolve) => setImmediate(resolve));
        },
      });
      log.info(res, "stored text is anonymized by the current rules");
    } catch (err) {
      log.error({ err }, "could not anonymize stored text again; the next start retries, or run `npm run reanonymize`");
    }
  })();
  return g.__lanternReanonymize;
}
