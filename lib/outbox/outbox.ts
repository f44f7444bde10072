import { mkdir, readdir, readFile, rename, rm, open } from "node:fs/promises";
import path from "node:path";
import { ZodError } from "zod";
import { anonymize } from "@/lib/anonymize";
import type { NewCase, SavedCase } from "@/lib/db/cases";
import { isSubmissionRetired } from "@/lib/db/retired-error";

/**
 * A consented case that could not be written (database stopped, unreachable, locked) waits here and is
 * written when the database is back, so a person's "yes, save it" is not lost to an outage.
 *
 * - Nothing raw ever touches the disk: text, evidence quotes and any generated message are anonymized
 *   before the entry is written (saveCase anonymizes again, which changes nothing).
 * - One file per case, named by its submission key, written to a temp name and renamed (atomic): a crash
 *   leaves either the whole entry or none. saveCase is idempotent by submission key and writes one case in
 *   one transaction, so replaying an entry after a crash can never duplicate or half-write a case.
 * - Right after a failed attempt (within the current retry delay) new saves go straight to the outbox, so
 *   nobody waits on a database known to be down; otherwise every save tries the database first, and a
 *   success also replays whatever waits.
 */
/** Thrown by a save that could not be written now but waits in the outbox (it will be written later). */
export class CaseQueuedError extends Error {
  constructor() {
    super("case kept in the outbox");
    this.name = "CaseQueuedError";
  }
}

export type SaveOutcome =
  | { status: "saved"; reference: string; created: boolean }
  | { status: "queued" }
  | { status: "failed" }
  /** The submission's case was deleted: it may not be saved again (never queued, never retried). */
  | { status: "retired" };

export interface OutboxOptions {
  dir: string;
  save: (input: NewCase) => Promise<SavedCase>;
  /** First retry delay; doubles up to maxRetryMs while the database stays down. */
  retryMs?: number;
  maxRetryMs?: number;
  /** A direct save slower than this is left to finish or fail on its own, and the case is queued. */
  saveTimeoutMs?: number;
  maxEntries?: number;
  onEvent?: (event: string, details?: Record<string, unknown>) => void;
}

const KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function anonymized(input: NewCase): NewCase {
  return {
    ...input,
    text: anonymize(input.text).text,
    generatedMessage: input.generatedMessage === undefined ? undefined : anonymize(input.generatedMessage).text,
    classification: {
      ...input.classification,
      evidence: input.classification.evidence.map((e) => ({ sentence: anonymize(e.sentence).text, weight: e.weight })),
    },
  };
}

class SaveTimeout extends Error {}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new SaveTimeout("save timed out")), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function createOutbox(options: OutboxOptions) {
  const { dir, save } = options;
  const retryMs = options.retryMs ?? 1_000;
  // Short: while cases wait, new ones are queued without trying the database, so a long back-off would keep
  // people from getting a case reference well after the database is back.
  const maxRetryMs = options.maxRetryMs ?? 5_000;
  const saveTimeoutMs = options.saveTimeoutMs ?? 5_000;
  const maxEntries = options.maxEntries ?? 10_000;
  const emit = options.onEvent ?? (() => {});

  const waiting = new Set<string>();
  let loaded: Promise<void> | null = null;
  let flushing: Promise<number> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let delay = retryMs;
  /** When the last attempt on the database failed (null after any success). */
  let lastFailureAt: number | null = null;
  const knownDown = () => lastFailureAt !== null && Date.now() - lastFailureAt < delay;

  const file = (key: string) => path.join(dir, `${key}.json`);

  async function load(): Promise<void> {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    for (const name of await readdir(dir)) {
      if (name.startsWith(".") && name.endsWith(".tmp")) await rm(path.join(dir, name), { force: true }); // a crash mid-write
      else if (name.endsWith(".json") && KEY.test(name.slice(0, -5))) waiting.add(name.slice(0, -5));
    }
    if (waiting.size > 0) {
      emit("outbox.resumed", { pending: waiting.size });
      schedule();
    }
  }
  const ready = () => (loaded ??= load());

  async function enqueue(input: NewCase): Promise<boolean> {
    if (!KEY.test(input.submissionKey)) return false;
    if (waiting.has(input.submissionKey)) return true;
    if (waiting.size >= maxEntries) return false;
    const tmp = path.join(dir, `.${input.submissionKey}.tmp`);
    const handle = await open(tmp, "w", 0o600);
    try {
      await handle.writeFile(JSON.stringify(anonymized(input)));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, file(input.submissionKey));
    waiting.add(input.submissionKey);
    schedule();
    return true;
  }

  function schedule() {
    if (timer || waiting.size === 0) return;
    timer = setTimeout(() => {
      timer = null;
      void flush().then((left) => {
        if (left > 0) {
          delay = Math.min(delay * 2, maxRetryMs);
          schedule();
        }
      });
    }, delay);
    timer.unref();
  }

  /** Tries every waiting case once, oldest first; returns how many still wait. */
  function flush(): Promise<number> {
    flushing ??= (async () => {
      await ready();
      for (const key of [...waiting]) {
        let entry: NewCase;
        try {
          entry = JSON.parse(await readFile(file(key), "utf8")) as NewCase;
        } catch {
          waiting.delete(key); // unreadable entry (cannot happen with atomic writes): drop, never loop on it
          emit("outbox.unreadable");
          continue;
        }
        try {
          await withTimeout(save(entry), saveTimeoutMs);
        } catch (err) {
          if (err instanceof ZodError || isSubmissionRetired(err)) {
            waiting.delete(key);
            await rm(file(key), { force: true });
            emit("outbox.rejected");
            continue;
          }
          lastFailureAt = Date.now();
          emit("outbox.retry_failed", { pending: waiting.size });
          break; // the database is still down; keep the order and wait
        }
        lastFailureAt = null;
        waiting.delete(key);
        await rm(file(key), { force: true });
        emit("outbox.saved", { pending: waiting.size });
      }
      if (waiting.size === 0) delay = retryMs;
      return waiting.size;
    })().finally(() => {
      flushing = null;
    });
    return flushing;
  }

  async function saveOrQueue(input: NewCase): Promise<SaveOutcome> {
    await ready();
    // Right after a failure the database is known to be down: queue at once rather than make this person
    // wait for another timeout.
    if (!knownDown()) {
      try {
        const saved = await withTimeout(save(input), saveTimeoutMs);
        lastFailureAt = null;
        if (waiting.size > 0) void flush(); // it is back: replay what waits now, not at the next tick
        return { status: "saved", reference: saved.reference, created: saved.created };
      } catch (err) {
        if (err instanceof ZodError) return { status: "failed" };
        if (isSubmissionRetired(err)) return { status: "retired" };
        lastFailureAt = Date.now();
        emit("outbox.save_failed", { timeout: err instanceof SaveTimeout });
      }
    }
    try {
      return (await enqueue(input)) ? { status: "queued" } : { status: "failed" };
    } catch {
      emit("outbox.enqueue_failed");
      return { status: "failed" };
    }
  }

  return {
    saveOrQueue,
    flush,
    ready,
    pending: () => waiting.size,
    stop: () => {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}

export type Outbox = ReturnType<typeof createOutbox>;
