/**
 * Checks pasted (or fetched) text before the classifier sees it. Limits are documented in docs/self-check.md.
 * Messages are kind and say what to do next; nothing here throws.
 */
export const POST_LIMITS = {
  /** Characters (UTF-16 code units, as the browser's maxlength counts them). */
  maxChars: 10_000,
  /** A run without spaces this long is not a word anyone wrote. */
  maxWordChars: 500,
  /** Fewer words than this and the language check can't tell: assume English. */
  minWordsForLanguageCheck: 6,
} as const;

export type CheckedText =
  | { ok: true; text: string; likelyEnglish: boolean }
  | { ok: false; problem: TextProblem; message: string };

export type TextProblem = "empty" | "too_long" | "binary" | "bad_encoding" | "long_word" | "no_words";

// C0 controls except tab, newline and carriage return; DEL; C1 controls. Their presence means a file, not a post.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
// Bidirectional overrides can disguise text; they carry no meaning for the model, so they are dropped.
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

const MESSAGES: Record<TextProblem, string> = {
  empty: "Please paste a post, or a link to one, first.",
  too_long: `That's more than ${POST_LIMITS.maxChars.toLocaleString("en-US")} characters. Please keep the part that matters most and try again.`,
  binary: "This looks like a file or binary data rather than text. Please paste the words of the post.",
  bad_encoding: "Some of this text couldn't be read (it isn't valid text encoding). Please copy it again from the original post.",
  long_word: "This contains a very long run of characters without spaces, which doesn't look like a post. Please paste the words of the post.",
  no_words: "We couldn't find any words to read. Please paste the words of the post.",
};

function fail(problem: TextProblem): CheckedText {
  return { ok: false, problem, message: MESSAGES[problem] };
}

export function checkPostText(input: unknown): CheckedText {
  if (typeof input !== "string") return fail("empty");
  // Lone surrogates are what invalid UTF-8 turns into on some paths; U+FFFD on others.
  if (!input.isWellFormed() || input.includes("\uFFFD")) return fail("bad_encoding");
  if (CONTROL.test(input)) return fail("binary");
  const text = input.replace(/\r\n?/g, "\n").replace(BIDI_CONTROLS, "").normalize("NFC").trim();
  if (!text) return fail("empty");
  if (text.length > POST_LIMITS.maxChars) return fail("too_long");
  if (new RegExp(String.raw`\S{${POST_LIMITS.maxWordChars + 1}}`).test(text)) return fail("long_word");
  if (!/\p{L}/u.test(text)) return fail("no_words");
  return { ok: true, text, likelyEnglish: looksEnglish(text) };
}

// Frequent English function words that are rare in other languages written in Latin script.
const ENGLISH_WORDS = new Set(
  "the and i you it is to of that my this was for with have just not but be are what so can't don't i'm im it's feel like they he she we me been am do did if or at all about would can will because when how there them myself anymore really even know want get".split(
    " ",
  ),
);

export function looksEnglish(text: string): boolean {
  const words = text.toLowerCase().match(/\p{L}[\p{L}'’]*/gu) ?? [];
  const letters = words.join("");
  // Scripts without spaces between words (Chinese, Japanese) give few "words": judge the script first.
  const latin = (letters.match(/[a-z'’]/g) ?? []).length;
  if (letters.length >= 10 && latin / letters.length < 0.7) return false;
  if (words.length < POST_LIMITS.minWordsForLanguageCheck) return true;
  const english = words.filter((w) => ENGLISH_WORDS.has(w.replace(/’/g, "'"))).length;
  return english / words.length >= 0.12;
}
