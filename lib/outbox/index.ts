import "server-only";
import path from "node:path";
import { z } from "zod";
import { outboxShape, readEnv, serverShape } from "@/lib/env";
import { getDb } from "@/lib/db/client";
import { saveCase } from "@/lib/db/cases";
import { logger } from "@/lib/log";
import { createOutbox, type Outbox } from "./outbox";

export { CaseQueuedError, type SaveOutcome } from "./outbox";

// One outbox per server process (on globalThis: Next may bundle this module into several chunks).
// LANTERN_OUTBOX_DIR defaults to an "outbox" folder beside the embedded database folder.
const g = globalThis as { __lanternOutbox?: Outbox };
// Empty strings (from .env templates) count as unset.
const outboxSchema = z.preprocess(
  (raw) => Object.fromEntries(Object.entries(raw as Record<string, string | undefined>).filter(([, v]) => v !== "")),
  z.object({ ...outboxShape, LANTERN_DATA_DIR: serverShape.LANTERN_DATA_DIR }),
);

export function getOutbox(): Outbox {
  if (!g.__lanternOutbox) {
    const settings = outboxSchema.parse(readEnv());
    const dir = settings.LANTERN_OUTBOX_DIR ?? path.join(path.dirname(path.resolve(settings.LANTERN_DATA_DIR)), "outbox");
    const log = logger.child({ module: "outbox" });
    g.__lanternOutbox = createOutbox({
      dir,
      save: async (input) => saveCase(await getDb(), input),
      retryMs: settings.LANTERN_OUTBOX_RETRY_MS,
      saveTimeoutMs: settings.LANTERN_SAVE_TIMEOUT_MS,
      onEvent: (event, details) => log.warn({ event, ...details }, event),
    });
  }
  return g.__lanternOutbox;
}
