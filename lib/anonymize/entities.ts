import path from "node:path";
import { WorkerClient } from "@/lib/threads/worker-client";
import { findEntitySpans, type Span } from "./tag";

export type { Span };

// compromise's tagger in a worker thread, shared by the process; anonymizeAsync() uses it so the server's event loop
// stays free. Resolved from the working directory at run time, like the classifier's worker. On globalThis:
// Next bundles this module into the page's server action and the API route apart, and each would start its own.
// The worker answers with the spans only: the tagged terms it used to send cost ~0.5 ms a post to copy between
// threads.
/** The tagger thread's entry file (tagger-worker-entry.mjs registers tsx's loader, then runs tagger-worker.ts). */
export const TAGGER_ENTRY = path.join(process.cwd(), "lib", "anonymize", "tagger-worker-entry.mjs");
const g = globalThis as { __lanternTaggerSpans?: WorkerClient<{ text: string }, Span[]> };
const tagger = (g.__lanternTaggerSpans ??= new WorkerClient<{ text: string }, Span[]>(TAGGER_ENTRY));

let warned = false;

/** People and places, tagged in the worker thread; in this thread if the worker can't answer (never skipped). */
export async function findEntitiesOffThread(text: string): Promise<Span[]> {
  return tagger.call({ text }).catch((err: unknown) => {
    // Said once, without the error's message (a tagging error could quote the post): the thread's absence costs
    // the server's main thread, which an operator should know about.
    if (!warned) {
      warned = true;
      console.warn(`[lantern] anonymizer: the tagger thread did not answer (${err instanceof Error ? err.name : "error"}); tagging on the main thread`);
    }
    return findEntitySpans(text);
  });
}

/** Graceful shutdown: the tagger thread answers what it was given, then stops (nothing to do if it never started). */
export function drainTagger(): Promise<void> {
  return tagger.drain();
}

export function findEntities(text: string): Span[] {
  return findEntitySpans(text);
}
