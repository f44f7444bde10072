/**
 * The redacted post with the sentences the model relied on marked. Sentences are
 * located by their text (offsets are only a fallback), so a small shift in stored
 * offsets never highlights the wrong words.
 */
export function EvidenceText({ text, evidence }: { text: string; evidence: { sentence: string; start?: number; end?: number }[] }) {
  const ranges: [number, number][] = [];
  for (const e of evidence) {
    let start = e.sentence ? text.indexOf(e.sentence) : -1;
    let end = start + e.sentence.length;
    if (start < 0 && e.start !== undefined && e.end !== undefined && e.end <= text.length && e.start < e.end) {
      [start, end] = [e.start, e.end];
    }
    if (start >= 0) ranges.push([start, end]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const parts: { text: string; marked: boolean }[] = [];
  let at = 0;
  for (const [s, e] of ranges) {
    if (e <= at) continue;
    const from = Math.max(s, at);
    if (from > at) parts.push({ text: text.slice(at, from), marked: false });
    parts.push({ text: text.slice(from, e), marked: true });
    at = e;
  }
  if (at < text.length) parts.push({ text: text.slice(at), marked: false });
  return (
    <p className="whitespace-pre-wrap leading-relaxed" data-testid="case-text">
      {parts.map((p, i) =>
        p.marked ? (
          <mark key={i} className="rounded bg-accent px-0.5 text-accent-foreground" data-testid="evidence">
            {p.text}
          </mark>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </p>
  );
}
