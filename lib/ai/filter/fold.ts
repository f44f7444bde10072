/**
 * The one form of text that is both judged and shown. Judging one string and displaying another would let a
 * model hide a contact in the difference (a zero-width space inside "hope\u200bline.org", an ideographic full
 * stop the checks never saw), so the filter folds first and releases only folded text.
 */

// Format characters (zero-width spaces and joiners, bidi controls, soft hyphens) and other invisibles.
const INVISIBLE = /[\p{Cf}\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u3164\uffa0\ufe00-\ufe0f]/gu;
// Every character that reads as a full stop or a dot between letters, in any script, after NFKC.
const DOTS = /[\u00b7\u0387\u05c5\u06d4\u0701\u0702\u0e30\u1427\u16eb\u2022\u2024\u2027\u2219\u22c5\u2e31\u2e33\u3002\u30fb\ua4f8\ua60e\ufe52\uff0e\uff61\uff65]/g;
const ATS = /[\ufe6b\uff20]/g;
const DASHES = /[\u2010-\u2015\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d]/g;
const SPACES = /[^\S\n]+/g;
// Markdown emphasis and code marks: shown as plain text, so they are noise, never meaning.
const MARKDOWN_MARKS = /\*\*|__|`+|^#{1,6}\s+/gm;

export function foldText(input: string): string {
  return input
    .normalize("NFKC")
    .replace(INVISIBLE, "")
    .replace(DOTS, ".")
    .replace(ATS, "@")
    .replace(DASHES, "-")
    .replace(/\r\n?/g, "\n")
    .replace(MARKDOWN_MARKS, "")
    .replace(SPACES, " ")
    .replace(/\n{3,}/g, "\n\n");
}
