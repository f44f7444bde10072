import path from "node:path";
import { WorkerClient } from "@/lib/threads/worker-client";
import { PLACEHOLDER, type RedactionKind } from "./patterns";
import { findEntitySpans, type Span } from "./tag.mjs";

export type { Span };

// The tagger in a worker thread, shared by the process; anonymizeAsync() uses it so the server's event loop
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

/** Replaces entity spans right to left so earlier offsets stay valid; merges neighbouring spans of one kind. */
export function redactEntities(text: string, counts: Record<RedactionKind, number>, found: Span[] = findEntities(text)): string {
  const spans = [...found].sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const span of spans) {
    const prev = merged[merged.length - 1];
    if (prev && span.start <= prev.end) prev.end = Math.max(prev.end, span.end);
    else if (prev && prev.kind === span.kind && /^[\s,]*$/.test(text.slice(prev.end, span.start)) && span.kind === "name")
      prev.end = span.end;
    else merged.push({ ...span });
  }
  let out = text;
  for (const span of merged.reverse()) {
    out = out.slice(0, span.start) + PLACEHOLDER[span.kind] + out.slice(span.end);
    counts[span.kind]++;
  }
  return out;
}
