import { fold } from "./fold";
import { PLACEHOLDER, type Found, type RedactionKind } from "./kinds";
import { isPlausibleEntity } from "./people-places";
import { RECOGNIZERS } from "./recognizers";
import type { Span } from "./tag";

/** What the recognizers found in a post, in the folded text, with that text masked where they found it. */
export interface Recognized {
  /** The folded text, every find replaced by spaces: what the name and place tagger reads. */
  masked: string;
  found: Found[];
  toSource(start: number, end: number): [number, number];
}

// A masked character matches no recognizer: it is neither a word character nor a space nor a digit.
const MASK = "\u0001";

// The placeholders of an earlier pass ("[age 90+]", "[name]") are read as already redacted, so stored text can be
// anonymized again by newer rules and a second pass changes nothing (the 90 of "[age 90+]" is no age).
const PLACEHOLDERS = new RegExp(
  Object.values(PLACEHOLDER)
    .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("|"),
  "g",
);

/** Runs every recognizer (recognizers/index.ts) on the folded post, each on what the ones before it left. */
export function recognize(source: string): Recognized {
  const folded = fold(source);
  let text = folded.text.replace(PLACEHOLDERS, (p) => MASK.repeat(p.length));
  const found: Found[] = [];
  for (const recognizer of RECOGNIZERS) {
    const taken = withoutOverlaps(recognizer.find(text));
    if (taken.length > 0) text = masked(text, taken);
    found.push(...taken);
  }
  return { masked: text.replaceAll(MASK, " "), found, toSource: folded.toSource };
}

/** `text` with every find (in order, not overlapping) replaced by mask characters, in one pass. */
function masked(text: string, finds: Found[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const f of finds) {
    parts.push(text.slice(at, f.start), MASK.repeat(f.end - f.start));
    at = f.end;
  }
  parts.push(text.slice(at));
  return parts.join("");
}

/**
 * Adds the tagger's names and places where nothing was found yet, when they hold a word that is not ordinary
 * English: the word lists' whitelist holds for the tagger too. `text`: what the tagger read.
 */
export function withTagged(text: string, found: Found[], tagged: Span[]): Found[] {
  // The tagger read the masked text, where everything found is blank: a span that holds no blank overlaps nothing.
  const fresh = tagged.filter((t) => {
    const words = text.slice(t.start, t.end);
    if (/ {2,}/.test(words) && found.some((f) => t.start < f.end && f.start < t.end)) return false;
    return isPlausibleEntity(words);
  });
  return [...found, ...withoutOverlaps(fresh)];
}

// Leftmost first, the longer of two that start together; a find overlapping one already kept is dropped.
export function withoutOverlaps(finds: Found[]): Found[] {
  const sorted = finds.filter((f) => f.end > f.start).sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Found[] = [];
  for (const f of sorted) if (!out.length || f.start >= out[out.length - 1]!.end) out.push(f);
  return out;
}

export interface SourceSpan {
  start: number;
  end: number;
  kind: RedactionKind;
  replacement?: string;
}

const MERGED_KINDS = new Set<RedactionKind>(["name", "place", "organization"]);

/**
 * The finds as spans of the source text, in order. Neighbouring names (or places, organisations) with only spaces
 * between them become one ("Priya Raman" is one "[name]").
 */
export function toSourceSpans(source: string, found: Found[], toSource: Recognized["toSource"]): SourceSpan[] {
  const spans = found
    .map((f) => {
      const [start, end] = toSource(f.start, f.end);
      return { start, end, kind: f.kind, ...(f.replacement ? { replacement: f.replacement } : {}) };
    })
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out: SourceSpan[] = [];
  for (const span of spans) {
    const prev = out[out.length - 1];
    if (prev && span.start < prev.end) prev.end = Math.max(prev.end, span.end);
    else if (prev && prev.kind === span.kind && MERGED_KINDS.has(span.kind) && /^[ \t]+$/.test(source.slice(prev.end, span.start))) prev.end = span.end;
    else out.push({ ...span });
  }
  return out;
}
