/**
 * Word boundaries as Unicode defines them (UAX #29, through Intl.Segmenter): "3.5", "e.g", "U.S" and "don't" are
 * one word each, so nothing cut on these boundaries shows half a word.
 */
const segmenter = new Intl.Segmenter("en", { granularity: "word" });

/**
 * The offsets where a word boundary is, ascending: 0, every segment's start (words, spaces, punctuation and line
 * breaks alike), and the text's length. For one case text on a page; lib/classifier/sentences.ts checks only its
 * cut points, which is cheaper for every post.
 */
export function wordBoundaries(text: string): number[] {
  const out = Array.from(segmenter.segment(text), (s) => s.index);
  if (out[0] !== 0) out.unshift(0);
  out.push(text.length);
  return [...new Set(out)];
}

/** The smallest range on word boundaries that covers [start, end): a cut inside a word moves out to the word's edge. */
export function widenToWords(boundaries: readonly number[], start: number, end: number): [number, number] {
  let from = 0;
  let to = boundaries.at(-1) ?? end;
  for (const b of boundaries) {
    if (b <= start) from = b;
    if (b >= end) {
      to = b;
      break;
    }
  }
  return [from, to];
}
