import "server-only";
import path from "node:path";
import { getDb } from "@/lib/db/client";
import { saveCase } from "@/lib/db/cases";
import { logger } from "@/lib/log";
import { createOutbox, type Outbox } from "./outbox";

export { CaseQueuedError, type SaveOutcome } from "./outbox";

// One outbox per server process (on globalThis: Next may bundle this module into several chunks).
// LANTERN_OUTBOX_DIR defaults to an "outbox" folder beside the embedded database folder.
const g = globalThis as { __lanternOutbox?: Outbox };

export function getOutbox(): Outbox {
  if (!g.__lanternOutbox) {
    const dataDir = process.env.LANTERN_DATA_DIR || "data/pglite";
    const dir = process.env.LANTERN_OUTBOX_DIR || path.join(path.dirname(path.resolve(dataDir)), "outbox");
    const log = logger.child({ module: "outbox" });
    g.__lanternOutbox = createOutbox({
      dir,
      save: async (input) => saveCase(await getDb(), input),
      retryMs: Number(process.env.LANTERN_OUTBOX_RETRY_MS) || 1_000,
      saveTimeoutMs: Number(process.env.LANTERN_SAVE_TIMEOUT_MS) || 5_000,
      onEvent: (event, details) => log.warn({ event, ...details }, event),
    });
  }
  return g.__lanternOutbox;
}
