export interface Span {
  text: string;
  start: number;
  end: number;
}

const words = new Intl.Segmenter("en", { granularity: "word" });
const SENTENCE = /[^.!?…\n]+(?:[.!?…]+["')\]]*|\n+|$)/gu;
// A span of these alone ("...", "!!!") says nothing: it is left out.
const ONLY_PUNCTUATION = /^[.!?…"')\]\s\p{M}\p{Cf}]*$/u;

/**
 * Sentence spans (offsets into the original string) ending at . ! ? … (with closing quotes or brackets after them)
 * and at line breaks, never inside a word: a cut that is not a Unicode word boundary (UAX #29, through
 * Intl.Segmenter) is not a sentence end, so "3.5", "e.g.", "U.S." and "example.com" stay whole, and an edge that
 * would split a word (or a letter from its combining mark) moves out to the word's edge. Only the cut points are
 * checked (`containing`), not every word of the post: segmenting whole posts cost 100 times the split itself.
 */
export function splitSentences(text: string): Span[] {
  const segments = words.segment(text);
  const startOf = (at: number) => (at <= 0 || at >= text.length ? at : segments.containing(at)!.index);
  const endOf = (at: number) => {
    if (at <= 0 || at >= text.length) return at;
    const s = segments.containing(at)!;
    return s.index === at ? at : s.index + s.segment.length;
  };
  const out: Span[] = [];
  for (const m of text.matchAll(SENTENCE)) {
    const raw = m[0];
    const trimmed = raw.trim();
    if (ONLY_PUNCTUATION.test(trimmed)) continue;
    const lead = raw.length - raw.trimStart().length;
    const start = startOf((m.index ?? 0) + lead);
    const end = endOf((m.index ?? 0) + lead + trimmed.length);
    const last = out.at(-1);
    // A dot inside a word ended the one before: it is one sentence with this.
    if (last && start < last.end) last.end = Math.max(last.end, end);
    else out.push({ text: "", start, end });
  }
  for (const s of out) s.text = text.slice(s.start, s.end);
  return out;
}

/** Merge neighbouring spans so that at most `max` remain (evidence cost stays bounded). */
export function groupSpans(text: string, spans: Span[], max: number): Span[] {
  if (spans.length <= max) return spans;
  const size = Math.ceil(spans.length / max);
  const out: Span[] = [];
  for (let i = 0; i < spans.length; i += size) {
    const first = spans[i] as Span;
    const last = spans[Math.min(spans.length, i + size) - 1] as Span;
    out.push({ text: text.slice(first.start, last.end), start: first.start, end: last.end });
  }
  return out;
}
