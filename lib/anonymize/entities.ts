import path from "node:path";
import { WorkerClient } from "@/lib/threads/worker-client";
import { PLACEHOLDER, type RedactionKind } from "./patterns";
import { STATES_AND_PROVINCES } from "./places";
import { tagDoc, type TaggedDoc, type TermJson } from "./tag.mjs";

export interface Span {
  start: number;
  end: number;
  kind: RedactionKind;
}

function keepPlace(term: TermJson): boolean {
  const tags = new Set(term.tags);
  if (tags.has("Country")) return true;
  return tags.has("Region") && STATES_AND_PROVINCES.has(term.text.toLowerCase());
}

// Placeholders such as "[name]" are ours, never entities.
const isPlaceholder = (text: string) => /^\[[a-z0-9 +]+\]$/.test(text);

// The tagger in a worker thread, shared by the process; anonymizeAsync() uses it so the server's event loop
// stays free. Resolved from the working directory at run time, like the classifier's worker. On globalThis:
// Next bundles this module into the page's server action and the API route apart, and each would start its own.
const g = globalThis as { __lanternTagger?: WorkerClient<{ text: string }, TaggedDoc> };
const tagger = (g.__lanternTagger ??= new WorkerClient<{ text: string }, TaggedDoc>(path.join(process.cwd(), "lib", "anonymize", "tagger-worker.mjs")));

/** People and places, tagged in the worker thread; in this thread if the worker can't answer (never skipped). */
export async function findEntitiesOffThread(text: string): Promise<Span[]> {
  const tagged = await tagger.call({ text }).catch(() => tagDoc(text));
  return entitySpans(text, tagged);
}

export function findEntities(text: string): Span[] {
  return entitySpans(text, tagDoc(text));
}

/**
 * People and places found by compromise's tagger. Safe Harbor keeps states and countries, so a term tagged
 * Country, or a Region that is a known state or province, stays; cities, towns, streets and other places go.
 */
export function entitySpans(text: string, tagged: TaggedDoc): Span[] {
  const spans: Span[] = [];

  // compromise often tags only the given name ("Jordan" in "Jordan Miles"): extend a person over the
  // capitalised proper nouns that directly follow it, which are nearly always the surname.
  const allTerms = tagged.terms;
  const termIndex = new Map(allTerms.map((t, i) => [t.offset.start, i]));
  for (const person of tagged.people) {
    const terms = person.terms.filter((t) => !isPlaceholder(t.text) && /\p{L}/u.test(t.text));
    const first = terms[0];
    let last = terms[terms.length - 1];
    if (!first || !last) continue;
    for (let i = (termIndex.get(last.offset.start) ?? allTerms.length) + 1; i < allTerms.length; i++) {
      const next = allTerms[i] as TermJson;
      const prev = allTerms[i - 1] as TermJson;
      const joined = /^\s+$/.test(prev.post ?? "") && !(next.pre ?? "").trim();
      if (!joined || !/^\p{Lu}/u.test(next.text) || !next.tags.includes("ProperNoun") || next.tags.includes("Place")) break;
      last = next;
    }
    spans.push({ start: first.offset.start, end: last.offset.start + last.offset.length, kind: "name" });
  }
  for (const place of tagged.places) {
    // Multi-word states ("New York") are tagged term by term: look at the whole match first.
    if (STATES_AND_PROVINCES.has(place.text.toLowerCase().replace(/[.,!?;:]+$/, ""))) continue;
    for (const term of place.terms) {
      if (keepPlace(term) || isPlaceholder(term.text)) continue;
      spans.push({ start: term.offset.start, end: term.offset.start + term.offset.length, kind: "place" });
    }
  }
  return spans.filter((s) => s.end > s.start && text.slice(s.start, s.end).trim().length > 0);
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
