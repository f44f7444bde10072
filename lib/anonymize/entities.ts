import nlp from "compromise";
import { PLACEHOLDER, type RedactionKind } from "./patterns";
import { STATES_AND_PROVINCES } from "./places";

/**
 * People and places found by compromise's tagger. Safe Harbor keeps states and countries, so a term tagged
 * Country, or a Region that is a known state or province, stays; cities, towns, streets and other places go.
 */
interface Span {
  start: number;
  end: number;
  kind: RedactionKind;
}

interface TermJson {
  text: string;
  tags: string[];
  offset: { start: number; length: number };
}
interface MatchJson {
  text: string;
  terms: TermJson[];
  offset: { start: number; length: number };
}

function keepPlace(term: TermJson): boolean {
  const tags = new Set(term.tags);
  if (tags.has("Country")) return true;
  return tags.has("Region") && STATES_AND_PROVINCES.has(term.text.toLowerCase());
}

// Placeholders such as "[name]" are ours, never entities.
const isPlaceholder = (text: string) => /^\[[a-z0-9 +]+\]$/.test(text);

// A whitespace-free run this long is never a name or a place. Blanking it (same length, so offsets hold) keeps the
// tagger fast on hostile input: compromise treats "a.a.a.…" as thousands of sentences.
const LONG_TOKEN = /\S{64,}/g;

export function findEntities(text: string): Span[] {
  const doc = nlp(text.replace(LONG_TOKEN, (t) => " ".repeat(t.length)));
  const spans: Span[] = [];
  const opts = { offset: true, terms: { offset: true } } as const;

  // compromise often tags only the given name ("Jordan" in "Jordan Miles"): extend a person over the
  // capitalised proper nouns that directly follow it, which are nearly always the surname.
  const allTerms = (doc.json(opts) as MatchJson[]).flatMap((sentence) => sentence.terms);
  const termIndex = new Map(allTerms.map((t, i) => [t.offset.start, i]));
  for (const person of doc.people().json(opts) as MatchJson[]) {
    const terms = person.terms.filter((t) => !isPlaceholder(t.text) && /\p{L}/u.test(t.text));
    const first = terms[0];
    let last = terms[terms.length - 1];
    if (!first || !last) continue;
    for (let i = (termIndex.get(last.offset.start) ?? allTerms.length) + 1; i < allTerms.length; i++) {
      const next = allTerms[i] as TermJson & { pre?: string };
      const prev = allTerms[i - 1] as TermJson & { post?: string };
      const joined = /^\s+$/.test(prev.post ?? "") && !(next.pre ?? "").trim();
      if (!joined || !/^\p{Lu}/u.test(next.text) || !next.tags.includes("ProperNoun") || next.tags.includes("Place")) break;
      last = next;
    }
    spans.push({ start: first.offset.start, end: last.offset.start + last.offset.length, kind: "name" });
  }
  for (const place of doc.places().json(opts) as MatchJson[]) {
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
export function redactEntities(text: string, counts: Record<RedactionKind, number>): string {
  const spans = findEntities(text).sort((a, b) => a.start - b.start);
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
