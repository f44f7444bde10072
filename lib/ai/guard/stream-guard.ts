import { ContactAllowlist, WHOLE_DIRECTORY, countRemoval, dropUnclosedMarkup, scrubText, type RemovalCounts } from "./contacts";
import { SENTENCE_RULES } from "./sentence-rules";

/**
 * Guards a generated message while it streams. Text is released a word at a time, never in the middle of
 * something that could still turn into a contact detail, a tag or a resource marker, so each released piece
 * is scrubbed whole: a phone number split across chunks ("0800 58" + " 58 58") is judged as one number.
 *
 * Resource markers: the model must write [[res:<id>]]; ids outside `allowedIds` (the case's candidates)
 * are dropped, and the only contact details kept are those of the allowed entries. Variants models produce ("[res:id]", "[[ res: id ]]") are normalised.
 */
export class StreamGuard {
  readonly removed: RemovalCounts = {};
  private pending = "";
  private held = "";
  private sentenceShown = "";
  private readonly allowedIds: ReadonlySet<string>;
  private readonly contacts: ContactAllowlist;

  /**
   * `contacts: "case"` keeps only the contact details of the allowed entries (what the pipeline uses: a real
   * number from another country's entry is still the wrong number for this person); `"directory"` keeps any
   * directory contact detail, the minimum the guard guarantees.
   */
  constructor(allowedIds: Iterable<string>, options: { contacts?: "case" | "directory" } = {}) {
    this.allowedIds = new Set(allowedIds);
    this.contacts = options.contacts === "case" ? ContactAllowlist.forIds(this.allowedIds) : WHOLE_DIRECTORY;
  }

  get removedTotal(): number {
    return Object.values(this.removed).reduce((a, b) => a + (b ?? 0), 0);
  }

  push(delta: string): string {
    this.pending += delta;
    const cut = safeCut(this.pending);
    if (cut === 0) return "";
    const piece = this.pending.slice(0, cut);
    this.pending = this.pending.slice(cut);
    return this.sentences(this.scrub(piece), false);
  }

  end(): string {
    const piece = dropUnclosedMarkup(this.pending, this.removed);
    this.pending = "";
    return this.sentences(this.scrub(piece), true);
  }

  private scrub(piece: string): string {
    // Markers are swapped for private-use characters while scrubbing: ids contain digits ("us-988-call-text").
    const kept: string[] = [];
    const protectedText = piece.replace(PLACEHOLDERS, "").replace(/\[{1,2}\s*res\s*:\s*([A-Za-z0-9-]*)\s*\]{1,2}/g, (_m, id: string) => {
      const clean = id.toLowerCase();
      if (!this.allowedIds.has(clean) || kept.length >= 256) {
        countRemoval(this.removed, "resource_id");
        return "";
      }
      kept.push(`[[res:${clean}]]`);
      return String.fromCharCode(0xe000 + kept.length - 1);
    });
    // A stray "[[" that never became a marker is dropped rather than shown half-formed.
    const scrubbed = scrubText(protectedText, this.removed, this.contacts).replace(/\[\[[^\]\s]{0,80}\]?\]?/g, () => (countRemoval(this.removed, "resource_id"), ""));
    return scrubbed.replace(PLACEHOLDERS, (c) => kept[c.charCodeAt(0) - 0xe000] ?? "");
  }

  private sentences(text: string, final: boolean): string {
    let out = "";
    this.held += text;
    for (;;) {
      const end = sentenceEnd(this.held);
      if (end === -1) break;
      out += this.judge(this.held.slice(0, end));
      this.held = this.held.slice(end);
      this.sentenceShown = "";
    }
    if (!this.held) return out;
    if (final) {
      out += this.judge(this.held);
      this.held = "";
      return out;
    }
    // Show the words before the first trigger; hold the rest of the sentence until it ends.
    const at = firstTrigger(this.sentenceShown, this.held);
    const shown = at === -1 ? this.held : this.held.slice(0, at);
    this.sentenceShown += shown;
    this.held = this.held.slice(shown.length);
    return out + shown;
  }

  /** What to show for the rest of a finished sentence, given what of it is already shown. */
  private judge(rest: string): string {
    const at = firstTrigger(this.sentenceShown, rest);
    if (at === -1) return rest;
    const whole = this.sentenceShown + rest;
    for (const rule of SENTENCE_RULES) {
      if (rule.trigger.test(whole) && rule.violates(whole)) {
        countRemoval(this.removed, rule.kind);
        const trailing = /\s*$/.exec(rest)?.[0] || " ";
        return rest.slice(0, at) + rule.replacement + trailing;
      }
    }
    return rest;
  }
}

/**
 * Where, word by word, a rule's trigger first appears in `rest` (continuing `shown`), or -1. Judged per word so
 * the result never depends on how the stream was chunked; only a window is tested, so a huge run-on "sentence"
 * costs linear time.
 */
function firstTrigger(shown: string, rest: string): number {
  const words = /\S+\s*/g;
  let m: RegExpExecArray | null;
  while ((m = words.exec(rest)) !== null) {
    const upTo = (shown + rest.slice(0, m.index + m[0].length)).slice(-160);
    if (SENTENCE_RULES.some((r) => r.trigger.test(upTo))) return m.index;
  }
  return -1;
}

const PLACEHOLDERS = /[\ue000-\ue0ff]/g;

// End of a sentence: terminal punctuation (and closing quotes) followed by whitespace, or a line break.
function sentenceEnd(text: string): number {
  const m = /[.!?]["')\]]*\s+|\n+/.exec(text);
  return m ? m.index + m[0].length : -1;
}

const OBFUSCATED_DOT_TAIL = /(?:\[\.\]|\(\.\)|\[dot\]|\(dot\)|\{dot\})\s*$/i;
const NUMBER_TAIL = /(?<![\w])\+?\(?\d[\d\s().\-\u2010-\u2015\u00a0]*$/;

/** How much of `text` can be judged now: up to the last word boundary that is not inside a marker, tag or number. */
function safeCut(text: string): number {
  const lastSpace = Math.max(text.lastIndexOf(" "), text.lastIndexOf("\n"), text.lastIndexOf("\t"), text.lastIndexOf("\u00a0"));
  let cut = lastSpace + 1;
  if (cut === 0) return 0;

  // A tag or bracket that opens before the cut but does not close before it must be judged whole, later.
  for (let i = text.indexOf("<"); i !== -1 && i < cut; i = text.indexOf("<", i + 1)) {
    const next = text[i + 1];
    if (next !== undefined && !/[a-zA-Z!?/]/.test(next)) continue;
    const close = text.indexOf(">", i);
    if (close === -1 || close >= cut) {
      cut = i;
      break;
    }
  }
  for (let i = text.indexOf("["); i !== -1 && i < cut; i = text.indexOf("[", i + 1)) {
    const end = bracketEnd(text, i);
    if (end === -1 || end >= cut) {
      cut = i;
      break;
    }
  }

  // A number followed by a space may go on ("0800 58" then " 58 58"): hold it until a word follows.
  const number = NUMBER_TAIL.exec(text.slice(0, cut));
  if (number) cut = number.index;
  // "help (dot) " waits for the word after it, so the whole obfuscated address is judged at once.
  const dot = OBFUSCATED_DOT_TAIL.exec(text.slice(0, cut));
  if (dot) cut = dot.index;
  return cut;
}

/**
 * Index just past the construct opening at `start`: a marker "[[res:id]]", a link "[words](target)" or a lone
 * "[words]"; -1 while it may still be growing. Markers and link labels are short and on one line, so past that
 * it is just a bracket in the text and ends where it stands.
 */
function bracketEnd(text: string, start: number): number {
  const s = text.slice(start, start + 400);
  const limit = Math.min(s.length, 120, s.includes("\n") ? s.indexOf("\n") : Infinity);
  const marker = /^\[\[?\s*res\s*:[^\]\n]*\]\]?/i.exec(s);
  if (marker) return start + marker[0].length;
  if (s.startsWith("[[")) {
    const close = s.indexOf("]]");
    return close !== -1 ? start + close + 2 : s.length >= limit ? start + 2 : -1;
  }
  const close = s.indexOf("]");
  if (close === -1 || close > limit) return s.length >= limit || close > limit ? start + 1 : -1;
  const after = s[close + 1];
  if (after === undefined) return -1;
  if (after !== "(") return start + close + 1;
  const paren = s.indexOf(")", close);
  return paren !== -1 ? start + paren + 1 : s.length >= 400 ? start + close + 1 : -1;
}
