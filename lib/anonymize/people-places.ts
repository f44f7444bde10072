import { type Found, type Recognizer } from "./kinds";
import { AFTER_PERSON, BEFORE_PERSON, BEFORE_PLACE, HONORIFICS, NAMING, RELATIONS, SAID } from "./cues";
import { isCommonWord, isKnownName, isKnownPlace, isOrdinaryWord, isSafeProperWord } from "./lexicon";

// A whitespace-free run this long is never a name or a place; blanked (same length, so offsets hold) it costs
// nothing to read, where "a.a.a.…" would be thousands of words.
export const withoutLongRuns = (text: string) => text.replace(/\S{64,}/g, (run) => " ".repeat(run.length));

// "[organization] High School": the kind of place stays readable after its name is gone.
const KIND_OF_PLACE = /^(?:high|middle|elementary|junior|senior|primary|secondary|school|academy|college|community|university|hospital|medical|center|centre|clinic|health|behavioral|behavioural|church|temple|mosque|synagogue|chapel|library|mall|department|police|fire|county|general|memorial|regional|state|national)$/;

const PLACE_SECOND_WORD = /^(?:city|falls|springs|beach|heights|park|valley|hills|lake|rapids|creek|harbor|harbour|bay|point|junction|village|grove|ridge|bluffs|county)$/;

interface Token {
  text: string;
  /** Lower case, without a possessive "'s". */
  lower: string;
  start: number;
  end: number;
  capital: boolean;
  sentenceStart: boolean;
}

const TOKEN = /\p{L}(?:[\p{L}\p{M}'’-]*[\p{L}\p{M}])?/gu;
// What may stand between a sentence's end and its first word.
const OPENING = /["'“‘(\[*_\s-]/;

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    let word = m[0];
    if (/['’]s$/i.test(word)) word = word.slice(0, -2);
    let k = m.index - 1;
    while (k >= 0 && OPENING.test(text[k]!) && text[k] !== "\n") k--;
    const before = k < 0 ? "" : text[k]!;
    const prev = out[out.length - 1];
    // "Dr. Okafor": the dot after a title ends no sentence.
    const afterTitle = before === "." && prev !== undefined && prev.end === k && HONORIFICS.has(prev.lower);
    out.push({
      text: word,
      lower: word.toLowerCase().replace(/’/g, "'"),
      start: m.index,
      end: m.index + word.length,
      capital: /^\p{Lu}/u.test(word) && !(word.length > 1 && word === word.toUpperCase()),
      sentenceStart: k < 0 || (/[.!?\n:;]/.test(before) && !afterTitle),
    });
  }
  return out;
}

// Between two words of one name there is only a space ("Priya Raman", not "Priya. Raman").
const joined = (text: string, a: Token, b: Token) => /^ {1,2}$/.test(text.slice(a.end, b.start));
const prevWord = (tokens: Token[], i: number, text: string) => {
  const p = tokens[i - 1];
  // A comma may stand between the cue and the name ("my bf, tom"); a sentence end may not.
  return p && /^[\s,]*$/.test(text.slice(p.end, tokens[i]!.start)) ? p : undefined;
};

/**
 * Names and towns read word by word with the word lists (lexicon.ts) and context cues (cues.ts):
 * - a capitalised word that is not ordinary English nor a safe proper noun (months, countries, medicines) is a name
 *   or a place, mid-sentence always, at a sentence's start when a list knows it or a cue stands next to it;
 * - a capitalised ordinary word ("Will", "Hope", "Buffalo") only after a title, a relation or a naming word, before
 *   a surname, or after a place cue when the gazetteer knows it;
 * - a lower-case word only next to a cue and when the name list or the gazetteer knows it and it is not ordinary
 *   English ("my friend jake", "told sarah", "moved to omaha"); after a title or a naming word, any non-ordinary word.
 * A place is a word after a place cue, or one the gazetteer knows and the name list does not.
 */
export function findPeopleAndPlaces(input: string): Found[] {
  const text = withoutLongRuns(input);
  const tokens = tokenize(text);
  const kinds: (Found["kind"] | null)[] = tokens.map(() => null);
  tokens.forEach((t, i) => {
    kinds[i] = classify(text, tokens, i);
  });
  // A capitalised word right after a name is its surname, ordinary or not ("Jane Doe", "Will Parker").
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (kinds[i] || kinds[i - 1] !== "name" || !t.capital || isSafeProperWord(t.lower) || !joined(text, tokens[i - 1]!, t)) continue;
    kinds[i] = "name";
  }
  // ... and a capitalised given name right before a surname ("Will Parker", "Grace Okafor").
  for (let i = tokens.length - 2; i >= 0; i--) {
    const t = tokens[i]!;
    if (kinds[i] || kinds[i + 1] !== "name" || !t.capital || !isKnownName(t.lower) || isCommonWord(t.lower) || !joined(text, t, tokens[i + 1]!)) continue;
    kinds[i] = "name";
  }
  // "Sioux City", "Sioux Falls": a town's second word.
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!kinds[i] && kinds[i - 1] === "place" && t.capital && PLACE_SECOND_WORD.test(t.lower) && joined(text, tokens[i - 1]!, t)) kinds[i] = "place";
  }
  // "from Hobby Lobby", "at Best Buy": two or more capitalised words mid-sentence, none a safe proper noun, are a
  // proper name even when each is an ordinary word.
  for (let i = 0; i < tokens.length; i++) {
    let j = i;
    while (j < tokens.length && tokens[j]!.capital && !kinds[j] && !HONORIFICS.has(tokens[j]!.lower) && (j === i || joined(text, tokens[j - 1]!, tokens[j]!))) j++;
    const run = tokens.slice(i, j);
    const named = run.length >= 2 && !run[0]!.sentenceStart && !run.every((t) => KIND_OF_PLACE.test(t.lower));
    if (named && !run.some((t) => isSafeProperWord(t.lower)) && !isSafeProperWord(run.map((t) => t.lower).join(" "))) {
      for (let k = i; k < j; k++) kinds[k] = "organization";
    }
    i = Math.max(i, j - 1);
  }
  // "moved to san diego", "grew up in Salt Lake City": a town of two or three words after a place cue.
  for (let i = 1; i < tokens.length; i++) {
    if (!BEFORE_PLACE.has(tokens[i - 1]!.lower) || !prevWord(tokens, i, text)) continue;
    for (let n = 3; n >= 2; n--) {
      const run = tokens.slice(i, i + n);
      if (run.length < n || run.some((t, k) => k > 0 && !joined(text, run[k - 1]!, t))) continue;
      const phrase = run.map((t) => t.lower).join(" ");
      if (isSafeProperWord(phrase) || !isKnownPlace(phrase) || (run.every((t) => isOrdinaryWord(t.lower)) && !run.every((t) => t.capital))) continue;
      for (let k = 0; k < n; k++) kinds[i + k] = "place";
      break;
    }
  }
  const found: Found[] = [];
  tokens.forEach((t, i) => {
    const kind = kinds[i];
    if (kind) found.push({ start: t.start, end: t.end, kind });
  });
  return found;
}

function classify(text: string, tokens: Token[], i: number): "name" | "place" | null {
  const t = tokens[i]!;
  if (t.text.length < 2) return null;
  // Most words of a post: lower case and ordinary, a name only right after a relation ("my friend tom").
  if (!t.capital && isOrdinaryWord(t.lower) && !RELATIONS.has(tokens[i - 1]?.lower ?? "")) return null;
  if (isSafeProperWord(t.lower)) return null;
  // The title itself stays: "Dr. [name]", also when the name after it was redacted before (a masked run).
  if (HONORIFICS.has(t.lower) && /^\.?\s+[\p{L}\u0001]/u.test(text.slice(t.end, t.end + 12))) return null;
  const prev = prevWord(tokens, i, text);
  const prev2 = prev ? prevWord(tokens, i - 1, text) : undefined;
  const next = tokens[i + 1] && joined(text, t, tokens[i + 1]!) ? tokens[i + 1] : undefined;
  const p = prev?.lower ?? "";
  const titled = HONORIFICS.has(p);
  const related = RELATIONS.has(p) && /^(?:my|our|his|her|their|your|a|best|old|ex|new|former|late)$/.test(prev2?.lower ?? "my");
  const naming = NAMING.has(p) || (p === "is" && prev2?.lower === "name") || (p === "by" && prev2?.lower === "goes");
  const placeCue = BEFORE_PLACE.has(p);
  const ordinary = isOrdinaryWord(t.lower);

  if (t.capital) {
    if (!ordinary) {
      if (!t.sentenceStart || titled || related || naming || placeCue) return placeOrName(t, placeCue);
      if (isKnownName(t.lower) || isKnownPlace(t.lower)) return placeOrName(t, placeCue);
      if (next && next.capital && !isOrdinaryWord(next.lower) && !isSafeProperWord(next.lower)) return "name";
      if (next && AFTER_PERSON.has(next.lower)) return "name";
      return null;
    }
    if (titled || related || naming) return "name";
    if (placeCue && !t.sentenceStart && isKnownPlace(t.lower)) return "place";
    return null;
  }
  // Lower case: only with a cue.
  if (titled || naming) return ordinary ? null : "name";
  if (ordinary) return related && isKnownName(t.lower) && !isCommonWord(t.lower) ? "name" : null;
  if (placeCue && isKnownPlace(t.lower)) return "place";
  if (!isKnownName(t.lower)) return null;
  if (related || BEFORE_PERSON.has(p) || /^(?:i'm|im)$/.test(p)) return "name";
  if (next && SAID.has(next.lower)) return "name";
  return null;
}

function placeOrName(t: Token, placeCue: boolean): "name" | "place" {
  if (placeCue) return "place";
  return isKnownPlace(t.lower) && !isKnownName(t.lower) ? "place" : "name";
}

/**
 * Whether a name or place compromise's tagger found is worth redacting: not when every word of it (past a title)
 * is ordinary English in lower case, a safe proper noun or a title ("Grace is something", "Canada", "Dr").
 */
export function isPlausibleEntity(words: string): boolean {
  return (words.match(/\p{L}[\p{L}'’-]*/gu) ?? []).some((w) => {
    const lower = w.toLowerCase().replace(/['’]s$/, "");
    return !HONORIFICS.has(lower) && !isSafeProperWord(lower) && !isOrdinaryWord(lower);
  });
}

export const peopleAndPlaces: Recognizer = { name: "people-places", find: findPeopleAndPlaces };
