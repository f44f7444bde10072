export interface Span {
  text: string;
  start: number;
  end: number;
}

/** Sentence spans (offsets into the original string) split on . ! ? … and line breaks. */
export function splitSentences(text: string): Span[] {
  const out: Span[] = [];
  const re = /[^.!?…\n]+(?:[.!?…]+["')\]]*|\n+|$)/gu;
  for (const m of text.matchAll(re)) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (!trimmed) continue;
    const start = (m.index ?? 0) + lead;
    out.push({ text: trimmed, start, end: start + trimmed.length });
  }
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
