import { widenToWords, wordBoundaries } from "@/lib/text/word-boundaries";

export interface EvidenceQuote {
  sentence: string;
  start?: number;
  end?: number;
}

/** A stretch of the shown text, marked or not; the stretches cover the text exactly once, in order. */
export interface TextPart {
  text: string;
  marked: boolean;
}

/** The first place the quote stands as whole words: not the "help" inside "helpless". */
function findWhole(text: string, quote: string, boundaries: ReadonlySet<number>): number {
  for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) {
    if (boundaries.has(at) && boundaries.has(at + quote.length)) return at;
  }
  return -1;
}

/**
 * The case text cut into marked and unmarked parts for the sentences the model relied on. A sentence is found by
 * its text where it stands as whole words (stored offsets are only a fallback, for quotes the text no longer holds
 * as written), and every mark starts and ends on a word boundary: a fallback range that cuts a word is widened to
 * the whole word, and a quote found only inside longer words is not marked.
 */
export function evidenceParts(text: string, evidence: readonly EvidenceQuote[]): TextPart[] {
  const boundaryList = wordBoundaries(text);
  const boundaries = new Set(boundaryList);
  const ranges: [number, number][] = [];
  for (const e of evidence) {
    const at = e.sentence ? findWhole(text, e.sentence, boundaries) : -1;
    if (at >= 0) ranges.push([at, at + e.sentence.length]);
    else if (e.start !== undefined && e.end !== undefined && Number.isInteger(e.start) && Number.isInteger(e.end) && 0 <= e.start && e.start < e.end && e.end <= text.length) {
      ranges.push(widenToWords(boundaryList, e.start, e.end));
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const parts: TextPart[] = [];
  let at = 0;
  for (const [s, e] of ranges) {
    if (e <= at) continue;
    const from = Math.max(s, at);
    if (from > at) parts.push({ text: text.slice(at, from), marked: false });
    // An overlapping sentence is marked from where the one before it ended: a boundary too.
    parts.push({ text: text.slice(from, e), marked: true });
    at = e;
  }
  if (at < text.length) parts.push({ text: text.slice(at), marked: false });
  return parts;
}
