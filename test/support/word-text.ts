import fc from "fast-check";

/** Word boundaries straight from Intl.Segmenter (UAX #29): the oracle the property tests check marks against. */
export function boundariesOf(text: string): Set<number> {
  const out = new Set([0, text.length]);
  for (const s of new Intl.Segmenter("en", { granularity: "word" }).segment(text)) out.add(s.index);
  return out;
}

// Pieces that trip a naive sentence splitter or locator: dots inside words, words inside words, quotes, scripts
// without spaces, emoji, combining marks, lone surrogates.
const PIECES = [
  "I", "help", "helpless", "feel", "3.5", "2.0mg", "e.g.", "i.e.", "U.S.", "www.example.com", "don't", "can't",
  "café", "cafe\u0301", "naïve", "日本語です", "ไม่ไหวแล้ว", "😭", "👩‍👧", "[name]", "[place]", "...", "…", ".", "!", "?",
  "?!", "'", "\"", ")", "(", "]", "-", ",", " ", "  ", "\t", "\n", "\n\n", "\r\n", "\u00a0", "\ufeff", "\u200d", "\ud800",
];

/** Random post-like text: pieces and arbitrary characters, joined with or without spaces. */
export const postText = fc
  .array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...PIECES) }, { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 3 }) }), {
    maxLength: 40,
  })
  .chain((pieces) => fc.array(fc.constantFrom("", " "), { minLength: pieces.length, maxLength: pieces.length }).map((gaps) => pieces.map((p, i) => p + gaps[i]).join("")));
