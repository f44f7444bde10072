/**
 * Words for the word model, split the way its training side (sklearn's TfidfVectorizer with lowercase=True,
 * strip_accents="unicode" and the default token pattern) split them: lower-case, decompose and drop combining
 * marks, then every run of two or more word characters; the graph reads each distinct word and word pair with
 * its count (gramsOf). A fixture written by training/word_lr.py checks both
 * sides give the same words and logits on tricky text.
 */
export const WORD_TOKEN_PATTERN = "(?u)\\b\\w\\w+\\b";

// Python's \w on str: letters, digits and other numerics (str.isalnum), and "_".
const WORD_RUN = /[\p{L}\p{N}_]+/gu;
// unicodedata.combining(c) != 0: the nonspacing and enclosing marks NFKD splits off.
const COMBINING = /[\p{Mn}\p{Me}]/gu;

export function wordsOf(text: string): string[] {
  const plain = text.toLowerCase().normalize("NFKD").replace(COMBINING, "");
  const out: string[] = [];
  for (const m of plain.matchAll(WORD_RUN)) {
    // two or more code points, as Python counts them
    if (m[0].length >= 3 || [...m[0]].length >= 2) out.push(m[0]);
  }
  return out;
}

/** The word model's input for one text: its distinct words and adjacent word pairs, and how often each occurs. */
export function gramsOf(text: string): { ngrams: string[]; counts: number[] } {
  const words = wordsOf(text);
  const counts = new Map<string, number>();
  const add = (g: string) => counts.set(g, (counts.get(g) ?? 0) + 1);
  words.forEach(add);
  for (let i = 1; i < words.length; i++) add(`${words[i - 1]} ${words[i]}`);
  return { ngrams: [...counts.keys()], counts: [...counts.values()] };
}
