import { findAll, type Found, type Recognizer } from "../kinds";

const digitsIn = (s: string) => s.replace(/\D/g, "").length;

// Digits with any separators: spaces, dots, dashes of every width (folding leaves "‐–—−" as they are), slashes,
// brackets. Full-width and other scripts' digits are ASCII by now (fold.ts).
const SEP = String.raw`[\s().\-‐‑‒–—−/_]`;
const DIGITS = new RegExp(String.raw`(?<![\w+$£€.,])\+?${SEP}?\d(?:${SEP}{0,3}\d){6,18}(?![\w%])`, "g");
const YEAR_RANGE = /^(?:1[89]|2\d)\d\d\s*[-‐‑‒–—−]\s*(?:1[89]|2\d)\d\d$/;

const WORD_DIGIT: Record<string, string> = {
  zero: "0", oh: "0", o: "0", one: "1", two: "2", three: "3", four: "4", for: "4", five: "5", six: "6", seven: "7",
  eight: "8", nine: "9", ate: "8", won: "1", too: "2", to: "2",
};
// "five five five oh one nine nine": seven or more digits, spelled or mixed with written ones. Homophones ("to",
// "for") count only inside a run that already holds four real digit words.
const SPELLED = /\b(?:(?:zero|oh|o|one|two|three|four|five|six|seven|eight|nine|ate|won|too|to|for|\d{1,4})[\s,.-]{1,3}){6,}(?:zero|oh|o|one|two|three|four|five|six|seven|eight|nine|\d{1,4})\b/gi;

function spelled(m: RegExpExecArray): Found | null {
  const parts = m[0].toLowerCase().split(/[\s,.-]+/).filter(Boolean);
  const strong = parts.filter((p) => /^\d+$/.test(p) || ["zero", "oh", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"].includes(p)).length;
  const digits = parts.map((p) => WORD_DIGIT[p] ?? p).join("");
  if (digits.length < 7 || strong < 5 || parts.filter((p) => p === "o" || p === "to" || p === "too" || p === "for").length > parts.length / 2) return null;
  return { start: m.index, end: m.index + m[0].length, kind: "phone" };
}

/** Phone and fax numbers: 7 to 15 digits with any separators, and runs of seven or more spelled digits. */
export const phones: Recognizer = {
  name: "phone",
  find: (text) => [
    ...findAll(text, DIGITS, "phone", (m) => {
      const n = digitsIn(m[0]);
      if (YEAR_RANGE.test(m[0].trim())) return null;
      const start = m.index + (m[0].length - m[0].trimStart().length);
      return { start, end: m.index + m[0].length, kind: n > 15 ? "id" : "phone" };
    }),
    ...findAll(text, SPELLED, "phone", spelled),
  ],
};
