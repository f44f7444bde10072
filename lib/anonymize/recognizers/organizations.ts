import { type Found, type Recognizer } from "../kinds";
import { isOrdinaryWord, isSafeProperWord } from "../lexicon";
import { withoutLongRuns } from "../people-places";

// The kinds of place an organisation a person belongs to is: its name before one of these identifies a town.
const ORG_WORD = String.raw`(?:high\s+school|middle\s+school|elementary(?:\s+school)?|junior\s+high|senior\s+high|high|middle|primary(?:\s+school)?|secondary(?:\s+school)?|grammar\s+school|prep(?:\s+school)?|preparatory|academy|community\s+college|college|university|uni|institute|school|hospital|medical\s+cent(?:er|re)|health(?:\s+system)?|behavioral\s+health|clinic|infirmary|sanitarium|church|cathedral|chapel|parish|temple|mosque|synagogue|ward|library|mall|jail|prison|detention\s+center|correctional\s+facility|elementary|county\s+jail|police\s+department|fire\s+department|restaurant|diner|cafe|café|bakery|pharmacy|factory|plant|warehouse)`;
// No dot inside a word ("St." is read on its own): "a.a.a.…" would otherwise be one word from every letter.
const NAME_WORD = String.raw`(?:st\.?\s+)?[\p{L}][\p{L}'’-]*`;
// "Lincoln High School", "st. mary's hospital", "Mercy General Hospital", "lincoln high": up to four words before
// the kind of place, read backwards from each kind-of-place word (a regex trying four words at every word of a
// post cost ten times more).
const ORG_WORD_AT = new RegExp(String.raw`(?<![\p{L}'’-])${ORG_WORD}\b`, "giu");
const WORDS_BEFORE = new RegExp(String.raw`(?:${NAME_WORD}\s+){1,4}$`, "iu");
// "University of Nebraska Omaha", "Church of St. Luke"
const ORG_OF = new RegExp(String.raw`\b(?:[Uu]niversity|[Cc]ollege|[Cc]hurch|[Ss]chool|[Hh]ospital|[Aa]cademy)\s+of\s+(?:the\s+)?((?:[\p{Lu}][\p{L}'’.-]*)(?:\s+[\p{Lu}][\p{L}'’.-]*){0,3})`, "gud");
// "I work at Target", "works for kroger", "my job at Best Buy": a workplace.
const WORKPLACE = new RegExp(String.raw`\b(?:[Ww]ork(?:s|ed|ing)?|job|shift|shifts|employed|hired|intern(?:ing|ship)?|volunteer(?:ing)?)\s+(?:at|for)\s+(?:the\s+)?((?:[\p{Lu}][\p{L}'’&.-]*)(?:\s+[\p{Lu}][\p{L}'’&.-]*){0,3}|[\p{Ll}][\p{L}'’&-]*)`, "gud");

const NOT_A_NAME = new Set("the a an my our his her their your this that my local same public private catholic state community christian county city regional children's childrens women's womens psychiatric mental medical behavioral behavioural health center centre and at to in of from for".split(" "));

function nameWords(from: number, words: string, orgWordCapital: boolean): Found | null {
  // Keep only the trailing words that can be part of a name: "at my old Lincoln High" -> "Lincoln".
  const parts = [...words.matchAll(/\S+/g)];
  let first = parts.length;
  while (first > 0) {
    const w = parts[first - 1]![0]!;
    const lower = w.toLowerCase().replace(/['’]s$/, "");
    if (NOT_A_NAME.has(lower) || isSafeProperWord(lower)) break;
    // An ordinary word is part of the name only written as one: "Grace Church", not "Today school".
    if (isOrdinaryWord(lower) && !/^st\.?$/.test(lower) && !(/^\p{Lu}/u.test(w) && orgWordCapital)) break;
    first--;
  }
  if (first === parts.length) return null;
  const start = from + parts[first]!.index!;
  return { start, end: from + words.trimEnd().length, kind: "organization" };
}

/**
 * Schools, hospitals, churches and workplaces by name: the name before the kind of place ("Lincoln High School"),
 * after "University of", and after "work at". The kind of place stays readable: "[organization] High School".
 */
export const organizations: Recognizer = {
  name: "organization",
  find(input) {
    const text = withoutLongRuns(input);
    const out: Found[] = [];
    for (const m of text.matchAll(ORG_WORD_AT)) {
      const from = Math.max(0, m.index - 120);
      const before = WORDS_BEFORE.exec(text.slice(from, m.index));
      if (!before) continue;
      const found = nameWords(from + before.index, before[0], /^\p{Lu}/u.test(m[0]));
      if (found) out.push(found);
    }
    for (const m of text.matchAll(ORG_OF)) out.push({ start: m.indices![1]![0], end: m.indices![1]![1], kind: "organization" });
    for (const m of text.matchAll(WORKPLACE)) {
      const word = m[1]!;
      if (/^\p{Ll}/u.test(word) && isOrdinaryWord(word.toLowerCase())) continue;
      if (/^(?:home|night|school|work|the|a|an|my|all|least|most|first|last)$/i.test(word)) continue;
      out.push({ start: m.indices![1]![0], end: m.indices![1]![1], kind: "organization" });
    }
    return out;
  },
};
