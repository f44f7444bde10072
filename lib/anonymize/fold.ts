/**
 * The text the recognizers read: NFKC, every decimal digit in ASCII, confusable dots and at-signs as "." and "@",
 * bracketed "(at)" / "[dot]" as "@" / ".", and no zero-width or other format characters. A phone number in
 * full-width or Arabic-Indic digits, "jane(at)gmail(dot)com" and "gm\u200Bail.com" then look like what they are.
 *
 * The stored text is never the folded one: every folded character remembers the source range it came from, so a
 * span found here is replaced in the person's own words (`toSource`).
 */
export interface Folded {
  text: string;
  /** The source range [start, end) of the folded range [start, end). */
  toSource(start: number, end: number): [number, number];
}

// Characters NFKC leaves alone but people use for "." and "@" when hiding an address.
const CONFUSABLE: Record<string, string> = {
  "\u3002": ".", // ideographic full stop
  "\uFF61": ".", // halfwidth ideographic full stop
  "\u2024": ".", // one dot leader
  "\u2027": ".", // hyphenation point
  "\u00B7": ".", // middle dot
  "\u2219": ".", // bullet operator
  "\uFE6B": "@",
};
// "(at)", "[ at ]", "{dot}": an obfuscation, never ordinary prose. Bare " at " and " dot " are read in context by
// the e-mail and URL recognizers, where "at" is also a preposition.
const BRACKETED = /[([{<]\s*(at|dot)\s*[)\]}>]/giy;
const FORMAT_CHAR = /\p{Cf}/u;
const NEEDS_FOLDING = /[^\x20-\x7E\n\r\t]|[([{<]\s*(?:at|dot)\s*[)\]}>]/i;

/** Decimal digits of every script (\p{Nd} comes in runs of ten, zero first) as ASCII. */
const DIGIT = buildDigitTable();

function buildDigitTable(): Map<number, string> {
  const table = new Map<number, string>();
  let run = 0;
  for (let cp = 0x80; cp <= 0x1fbff; cp++) {
    if (/\p{Nd}/u.test(String.fromCodePoint(cp))) table.set(cp, String(run++ % 10));
    else run = 0;
  }
  return table;
}

export function fold(source: string): Folded {
  if (!NEEDS_FOLDING.test(source)) return { text: source, toSource: (start, end) => [start, end] };
  let text = "";
  // starts[i] / ends[i]: the source range of folded UTF-16 unit i.
  const starts: number[] = [];
  const ends: number[] = [];
  const push = (piece: string, from: number, to: number) => {
    text += piece;
    for (let k = 0; k < piece.length; k++) {
      starts.push(from);
      ends.push(to);
    }
  };
  let i = 0;
  while (i < source.length) {
    BRACKETED.lastIndex = i;
    const bracket = BRACKETED.exec(source);
    if (bracket) {
      push(bracket[1]!.toLowerCase() === "at" ? "@" : ".", i, i + bracket[0].length);
      i += bracket[0].length;
      continue;
    }
    const cp = source.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    const next = i + ch.length;
    if (cp < 0x80) push(ch, i, next);
    else if (FORMAT_CHAR.test(ch)) {
      // zero-width space, joiner, soft hyphen, bidi marks: dropped
    } else {
      const piece = [...(CONFUSABLE[ch] ?? ch.normalize("NFKC"))]
        .map((c) => DIGIT.get(c.codePointAt(0)!) ?? CONFUSABLE[c] ?? c)
        .join("");
      push(piece, i, next);
    }
    i = next;
  }
  return {
    text,
    toSource(start, end) {
      if (end <= start) return [starts[start] ?? source.length, starts[start] ?? source.length];
      return [starts[start] ?? source.length, ends[end - 1] ?? source.length];
    },
  };
}
