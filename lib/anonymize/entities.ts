import path from "node:path";
import { WorkerClient } from "@/lib/threads/worker-client";
import { findEntitySpans, type Span } from "./tag.mjs";

export type { Span };

// compromise's tagger in a worker thread, shared by the process; anonymizeAsync() uses it so the server's event loop
// stays free. Resolved from the working directory at run time, like the classifier's worker. On globalThis:
// Next bundles this module into the page's server action and the API route apart, and each would start its own.
// The worker answers with the spans only: the tagged terms it used to send cost ~0.5 ms a post to copy between
// threads.
const g = globalThis as { __lanternTaggerSpans?: WorkerClient<{ text: string }, Span[]> };
const tagger = (g.__lanternTaggerSpans ??= new WorkerClient<{ text: string }, Span[]>(path.join(process.cwd(), "lib", "anonymize", "tagger-worker.mjs")));

/** People and places, tagged in the worker thread; in this thread if the worker can't answer (never skipped). */
export async function findEntitiesOffThread(text: string): Promise<Span[]> {
  return tagger.call({ text }).catch(() => findEntitySpans(text));
}

export function findEntities(text: string): Span[] {
  return findEntitySpans(text);
}
