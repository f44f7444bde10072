import { countRemoval, dropUnclosedMarkup, scrubText, type RemovalCounts } from "./contacts";
import { SENTENCE_RULES } from "./sentence-rules";

/**
 * Guards a generated message while it streams. Text is released a word at a time, never in the middle of
 * something that could still turn into a contact detail, a tag or a resource marker, so each released piece
 * is scrubbed whole: a phone number split across chunks ("0800 58" + " 58 58") is judged as one number.
 *
 * Resource markers: the model must write [[res:<id>]]; ids outside `allowedIds` (the case's candidates)
 * are dropped. Variants models produce ("[res:id]", "[[ res: id ]]") are normalised.
 */
export class StreamGuard {
  readonly removed: RemovalCounts = {};
  private pending = "";
  private held = "";
  private sentenceShown = "";
  private readonly allowedIds: ReadonlySet<string>;

  constructor(allowedIds: Iterable<string>) {
    this.allowedIds = new Set(allowedIds);
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
    const scrubbed = scrubText(protectedText, this.removed).replace(/\[\[[^\]\s]{0,80}\]?\]?/g, () => (countRemoval(this.removed, "resource_id"), ""));
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

const NUMBER_TAIL = /(?<![\w])\+?\(?\d[\d\s().\-\u2010-\u2015\u00a0]*$/;

/** How much of `text` can be judged now: up to the last word boundary that is not inside a marker, tag or number. */
function safeCut(text: string): number {
  const lastSpace = Math.max(text.lastIndexOf(" "), text.lastIndexOf("\n"), text.lastIndexOf("\t"), text.lastIndexOf("\u00a0"));
  let cut = lastSpace + 1;
  if (cut === 0) return 0;

  const bracket = text.lastIndexOf("[", cut - 1);
  if (bracket !== -1 && !closesBracket(text.slice(bracket))) cut = Math.min(cut, bracket);
  const lt = text.lastIndexOf("<", cut - 1);
  if (lt !== -1 && text.indexOf(">", lt) === -1 && (lt + 1 === text.length || /[a-zA-Z!?/]/.test(text[lt + 1]!))) cut = Math.min(cut, lt);

  // A number followed by a space may go on ("0800 58" then " 58 58"): hold it until a word follows.
  const number = NUMBER_TAIL.exec(text.slice(0, cut));
  if (number) cut = number.index;
  return cut;
}

function closesBracket(s: string): boolean {
  // Markers and link labels are short and on one line; past that it is just a bracket in the text.
  if (s.length > 120 || s.includes("\n")) return true;
  if (s.startsWith("[[") || /^\[\s*res\s*:/i.test(s)) return /\]/.test(s) && (/\]\]/.test(s) || /\][^\]]/.test(s));
  // A markdown link "[words](target)" is complete at ")"; a lone "[words]" once something other than "(" follows.
  const close = s.indexOf("]");
  if (close === -1) return false;
  const next = s[close + 1];
  if (next === undefined) return false;
  return next !== "(" || s.indexOf(")", close) !== -1;
}
