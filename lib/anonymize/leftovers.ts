import { HONORIFICS } from "./cues";
import { PLACEHOLDER } from "./kinds";
import { isOrdinaryWord, isSafeProperWord } from "./lexicon";

/**
 * What in an anonymized text may still identify someone, for the clinician reading it: the anonymizer's rules
 * kept these, and a person should look. Three kinds, counted, never quoted (the words are on the page already; the
 * notice only says what to look for), except the platform words, which identify nobody by themselves:
 * - a run of capitalised words that are not ordinary English, a safe proper noun or a title (a name at a sentence's start
 *   that no list knows, "Zorblax was there");
 * - a long number run: five digits or more, alone or in groups ("10023", "44 7911 1234"), not a year range;
 * - a platform word (insta, snap, discord...) with no redacted handle, link, phone or e-mail beside it: a handle may
 *   be near in a form the rules did not read. Reddit, where posts come from, is not one.
 */
export type LeftoverKind = "capitalised" | "number" | "platform";

export interface Leftovers {
  capitalised: number;
  number: number;
  /** The platform words found (lower case, distinct). */
  platforms: string[];
}

const PLACEHOLDERS = new RegExp(
  Object.values(PLACEHOLDER)
    .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("|"),
  "g",
);
const WORD = /\p{L}(?:[\p{L}\p{M}'’-]*[\p{L}\p{M}])?/gu;
const NUMBER_RUN = /(?<![\p{L}\p{N}])\d(?:\d|[ .\-/](?=\d))*/gu;
const YEAR_RANGE = /^(?:19|20)\d\d\s*[-/]\s*(?:19|20)\d\d$/;
// Platform words that are rarely anything else, and those that are also ordinary words ("snap at", "steam"), which
// count only with a cue: "on snap", "my snap", "snap:", "add me on".
const PLATFORMS = new Set(`insta instagram snapchat kik discord tiktok twitter telegram whatsapp twitch facebook fb bsky bluesky
  xbox psn roblox venmo cashapp tumblr grindr tinder bumble wechat skype linkedin gamertag soundcloud deviantart tellonym`.split(/\s+/));
const AMBIGUOUS_PLATFORMS = new Set(["snap", "ig", "steam", "signal", "hinge", "tg"]);
const CONTACT_PLACEHOLDERS = [PLACEHOLDER.handle, PLACEHOLDER.url, PLACEHOLDER.phone, PLACEHOLDER.email];
const PLATFORM_CUE_BEFORE = /\b(?:on|my|via|add|dm|through)\s+$/i;
const PLATFORM_CUE_AFTER = /^\s*(?:[:=@]|is\b|handle|username|name|id\b|tag|account)/i;

export function findLeftovers(text: string): Leftovers {
  // Placeholders become blanks of the same length: "[name]" is no word and "[age 90+]" no number.
  const t = text.replace(PLACEHOLDERS, (p) => " ".repeat(p.length));
  return { capitalised: capitalisedRuns(t), number: longNumbers(t), platforms: platformWords(text, t) };
}

export function hasLeftovers(l: Leftovers): boolean {
  return l.capitalised > 0 || l.number > 0 || l.platforms.length > 0;
}

function capitalisedRuns(t: string): number {
  let runs = 0;
  let lastEnd = -1;
  for (const m of t.matchAll(WORD)) {
    const word = m[0].replace(/['’]s$/i, "");
    const lower = word.toLowerCase().replace(/’/g, "'");
    const capital = /^\p{Lu}/u.test(word);
    // All capitals are an acronym or shouting ("PTSD", "HELP"), not a name; one letter is "I" or "A".
    const suspect = capital && word.length > 1 && word !== word.toUpperCase() && !isOrdinaryWord(lower) && !isSafeProperWord(lower) && !HONORIFICS.has(lower);
    if (!suspect) continue;
    // Words with only spaces between them are one run ("Zorblax Quint").
    if (!(lastEnd >= 0 && /^ +$/.test(t.slice(lastEnd, m.index)))) runs++;
    lastEnd = m.index + m[0].length;
  }
  return runs;
}

function longNumbers(t: string): number {
  let n = 0;
  for (const m of t.matchAll(NUMBER_RUN)) {
    const run = m[0];
    if (run.replace(/\D/g, "").length >= 5 && !YEAR_RANGE.test(run)) n++;
  }
  return n;
}

function platformWords(original: string, t: string): string[] {
  const found = new Set<string>();
  for (const m of t.matchAll(WORD)) {
    const lower = m[0].toLowerCase();
    const end = m.index + m[0].length;
    // A handle, link, phone or e-mail redacted beside the word: the rules read it, nothing is left to look for.
    const near = original.slice(Math.max(0, m.index - 25), end + 25);
    if (CONTACT_PLACEHOLDERS.some((p) => near.includes(p))) continue;
    if (PLATFORMS.has(lower)) found.add(lower);
    else if (AMBIGUOUS_PLATFORMS.has(lower) && (PLATFORM_CUE_BEFORE.test(t.slice(Math.max(0, m.index - 12), m.index)) || PLATFORM_CUE_AFTER.test(t.slice(end, end + 12)))) {
      found.add(lower);
    }
  }
  return [...found];
}
