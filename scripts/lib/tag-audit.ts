import type { Span } from "../../lib/anonymize/tag";

// How the tagger shortcut (tag.ts tagDoc) is checked against compromise's full parse: by the tests and by
// scripts/tagger-audit.ts, never by the app. The shortcut may miss what the full parse finds only where the full
// parse is wrong in a way the audit of all 52,420 corpus posts showed (see tag.ts tagSentences()).

const NUMBER = /\d|\b(zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b/i;

/**
 * Why a name or place the full parse found (and the shortcut did not) is the full parse's mistake, or null when it
 * is not one of the known kinds: a number, ordinal or spelled number read as (part of) a name or place ("first
 * person", "3rd child", "a four hour drive", "a 45 minute drive", "one way street"), a university major read as a
 * rank, the verb "foster". A real street address with a number ("42 oak street") is not the tagger's to find: the
 * address pattern (patterns.ts) replaces it before the tagger runs, and anonymize.test.ts checks that it does.
 * `missed`: every span the shortcut missed in this text, so a phrase split into words is judged whole.
 */
export function knownFullParseMistake(text: string, span: Span, missed: Span[] = []): string | null {
  const words = text.slice(span.start, span.end);
  if (/^(major|foster)\b/i.test(words)) return "a common word read as a name";
  // A place is split into one span per word: the phrase starts where the run of missed words before this one does
  // ("a 65% student drop rate half way" is five places in a row).
  let start = span.start;
  for (let before: Span | undefined; (before = missed.find((s) => s.end <= start && /^\s+$/.test(text.slice(s.end, start)))); ) start = before.start;
  if (NUMBER.test(text.slice(Math.max(0, start - 25), span.end))) return "a number phrase read as a name or place";
  return null;
}

/** Spans in `a` that are not in `b` (same start, end and kind). */
export function spansNotIn(a: Span[], b: Span[]): Span[] {
  const key = (s: Span) => `${s.start}:${s.end}:${s.kind}`;
  const inB = new Set(b.map(key));
  return a.filter((s) => !inB.has(key(s)));
}

/**
 * The shortcut's spans judged against the full parse's: what only the shortcut found (must be none), what it
 * missed, and of those the known full-parse mistakes and the rest (must be none).
 */
export function judgeShortcut(text: string, fast: Span[], full: Span[]): { extra: Span[]; missed: Span[]; known: Span[]; unexplained: Span[] } {
  const missed = spansNotIn(full, fast);
  const known: Span[] = [];
  const unexplained: Span[] = [];
  for (const span of missed) (knownFullParseMistake(text, span, missed) ? known : unexplained).push(span);
  return { extra: spansNotIn(fast, full), missed, known, unexplained };
}
