import "server-only";
import path from "node:path";
import { z } from "zod";
import { outboxShape, readEnv, serverShape } from "@/lib/env";
import { getDb } from "@/lib/db/client";
import { saveCase } from "@/lib/db/cases";
import { logger } from "@/lib/log";
import { setOutboxPendingSource } from "@/lib/metrics";
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
    setOutboxPendingSource(() => g.__lanternOutbox?.pending() ?? 0);
  }
  return g.__lanternOutbox;
}

/**
 * Graceful shutdown. Every queued case is already on disk (written and synced before the save answered), and the
 * next start replays the folder; this stops the retry timer and makes one last attempt to write what waits, so a
 * stopped instance leaves nothing behind when the database is up.
 */
export async function drainOutbox(): Promise<void> {
  const outbox = g.__lanternOutbox;
  if (!outbox) return;
  outbox.stop();
  if (outbox.pending() > 0) await outbox.flush();
}
