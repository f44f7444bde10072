import { foldText } from "./fold";
import { judgeSentence, type RemovalCounts } from "./judge-sentence";

interface Sentence {
  text: string;
  /** Whether a line break separates it from the sentence before. */
  paragraph: boolean;
}

// A sentence ends at terminal punctuation (and closing quotes) followed by space and then a character that is
// not a lower-case letter, or at a line break followed by the same. "hopeline. org" is therefore one sentence,
// judged whole; the character after the space must have arrived before the sentence before it is judged.
const BOUNDARY = /[.!?…]+["'”’»)\]]*(?=\s+[^\s\p{Ll}])|(?=\s*\n\s*[^\s\p{Ll}])/gu;

/** The complete sentences of `text` (and the unfinished rest too when `closed`), and where the rest begins. */
function sentencesOf(text: string, closed: boolean): { sentences: Sentence[]; rest: string } {
  const out: Sentence[] = [];
  let start = 0;
  let paragraph = false;
  for (const m of text.matchAll(BOUNDARY)) {
    const end = m.index + m[0].length;
    if (end <= start) continue;
    const sentence = text.slice(start, end).trim();
    if (sentence) out.push({ text: sentence, paragraph });
    const gap = /^\s*/.exec(text.slice(end))![0];
    paragraph = gap.includes("\n");
    start = end + gap.length;
  }
  const rest = text.slice(start);
  if (closed && rest.trim()) out.push({ text: rest.trim(), paragraph });
  return { sentences: out, rest: closed ? "" : rest };
}

// Text that cannot end a sentence: while only this arrives after an unfinished sentence, there is nothing to judge.
const CANNOT_END = /^[\p{L}\p{M}\s'’,;:"()-]*$/u;

/**
 * One free-text field of a streamed message (the opening, a pick's reason, the closing), released a whole
 * sentence at a time once it has been judged. It is given the field's whole value each time (a partial object
 * carries the text so far); a value that stops growing as a prefix of itself is not trusted any further.
 */
export class FieldFilter {
  private raw = "";
  /** Raw length after which nothing new can end a sentence unless punctuation arrives (-1: judge on every update). */
  private quietFrom = -1;
  private judged = 0;
  private frozen = false;
  private readonly replacements = new Set<string>();
  /** Everything released so far, as the person sees it. */
  released = "";

  constructor(
    private readonly knownNames: string,
    private readonly removed: RemovalCounts,
    private readonly maxChars: number,
  ) {}

  /** Returns the newly released text (with its separator), or "". `closed`: the value will not grow any more. */
  update(value: string, closed: boolean): string {
    if (this.frozen) return "";
    if (!value.startsWith(this.raw)) {
      this.frozen = true;
      return "";
    }
    this.raw = value;
    // Streamed a character at a time, re-reading the whole field on every letter would cost quadratic time.
    if (!closed && this.quietFrom >= 0 && CANNOT_END.test(value.slice(this.quietFrom))) return "";
    const { sentences, rest } = sentencesOf(foldText(value), closed);
    this.quietFrom = /[.!?…\n]/.test(rest) ? -1 : value.length;
    let out = "";
    for (; this.judged < sentences.length; this.judged += 1) {
      const { text, paragraph } = sentences[this.judged]!;
      const verdict = judgeSentence(text, this.knownNames);
      let shown: string | null = text;
      if (!verdict.keep) {
        this.removed[verdict.kind] = (this.removed[verdict.kind] ?? 0) + 1;
        shown = verdict.replacement && !this.replacements.has(verdict.replacement) ? verdict.replacement : null;
        if (shown) this.replacements.add(shown);
      }
      if (!shown) continue;
      const piece = (this.released === "" ? "" : paragraph ? "\n\n" : " ") + shown;
      if (this.released.length + piece.length > this.maxChars) {
        this.frozen = true;
        break;
      }
      this.released += piece;
      out += piece;
    }
    return out;
  }
}
