// Which sentences of a post compromise needs to read at all, decided from the bare string.
//
// compromise's cheap passes can tag a name, place or organisation only from a handful of clues: a capital letter
// (after a sentence's first word), a word in its lexicon or its name/verb "switches", an ending it reads as a
// surname or a town ("-sson", "-ville"), a multi-word name ("fort worth"), a capitalised first word before a place
// or organisation word ("Mayfield hospital"), and a place word before a capital "I've" ("a town I've"). Every clue
// is read here from compromise's own model, so an upgrade that grows the lexicon grows this test with it. A
// sentence with none of them is never tagged as holding an entity, so it is left out; three in four sentences of
// the corpus are. `npx tsx scripts/tagger-audit.ts` checks the outcome on every corpus post.
import nlp from "compromise";

// The parts of compromise's model read here (its own types describe the public API only).
type LexValue = string | string[];
interface Model {
  one: { tagSet: Record<string, { parents?: string[] }>; lexicon: Record<string, LexValue>; frozenLex: Record<string, LexValue> };
  two: {
    switches: Record<string, string>;
    neighbours: { rightWords: [string, string][] };
    suffixPatterns: (Record<string, string> | undefined)[];
    endsWith: Record<string, [RegExp, string][]>;
    regexNormal: [RegExp, string][];
    placeWords: Record<string, unknown>;
    orgWords: Record<string, unknown>;
  };
}
const model = (nlp.world() as { model: Model }).model;

/** compromise's tags for names, places and organisations, with every tag below them (FemaleName, City, ...). */
export const ENTITY_TAGS = ["Person", "FirstName", "LastName", "MaleName", "FemaleName", "Honorific", "Place", "City", "Country", "Region", "Address", "ProperNoun", "Organization"];
const tagSet = model.one.tagSet;
const entityTags = new Set(Object.keys(tagSet).filter((t) => ENTITY_TAGS.includes(t) || (tagSet[t]!.parents ?? []).some((p) => ENTITY_TAGS.includes(p))));
// Lexicon values are a tag, a list of tags, or "A|B" for a word that switches between two readings.
const isEntityTag = (value: LexValue) => [value].flat().some((v) => String(v).split("|").some((t) => entityTags.has(t)));

// Apostrophes split too: compromise matches "doctor who" (a TV show, tagged Person) in "a doctor who's".
const flatten = (s: string) => s.toLowerCase().replace(/[^a-z0-9&]+/g, " ").trim();
const entityKeys = [...Object.entries(model.one.lexicon), ...Object.entries(model.one.frozenLex)].filter(([, v]) => isEntityTag(v)).map(([k]) => k);

const WORDS = new Set([
  ...entityKeys.filter((k) => !k.includes(" ")),
  ...Object.entries(model.two.switches).filter(([, v]) => isEntityTag(v)).map(([k]) => k),
  // "jr" makes the word before it a person
  ...model.two.neighbours.rightWords.filter(([, tag]) => isEntityTag(tag)).map(([w]) => w),
]);
/** Multi-word names by their first word: "fort" -> ["fort worth", "fort lauderdale", ...]. */
const PHRASES = new Map<string, string[]>();
for (const key of entityKeys.filter((k) => k.includes(" ")).map(flatten)) {
  const first = key.split(" ")[0]!;
  PHRASES.set(first, [...(PHRASES.get(first) ?? []), key]);
}
const ENDINGS = new RegExp(
  `(?:${Object.values(model.two.suffixPatterns)
    .flatMap((byLength) => Object.entries(byLength ?? {}).filter(([, tag]) => isEntityTag(tag)).map(([ending]) => ending))
    .join("|")})$`,
);
const WORD_RULES = [...Object.values(model.two.endsWith).flat(), ...model.two.regexNormal].filter(([, tag]) => isEntityTag(tag)).map(([re]) => re);
const PLACE_WORDS = new Set(Object.keys(model.two.placeWords));
const ORG_WORDS = new Set(Object.keys(model.two.orgWords));
// compromise's own list (04-placeWords.js, not exported): words it steps over between a name and a place word.
const PLACE_CONTINUES = new Set(["athletic", "city", "community", "eastern", "federal", "financial", "great", "historic", "historical", "local", "memorial", "municipal", "national", "northern", "provincial", "southern", "state", "western", "spring", "pine", "sunset", "view", "oak", "maple", "spruce", "cedar", "willow"]);

const PRONOUN_I = /^(i|im|i['’](m|ve|ll|d))$/i;
// Before a sentence's first word, only what compromise keeps as that word's own leading punctuation.
const OPENING = /^[\s"'“‘(]*$/;
const TITLE_CASE = /^\p{Lu}[\p{Ll}'’]/u;
const NON_ASCII_LETTER = /[^\x00-\x7F\p{P}\p{S}\p{Z}\p{C}\p{M}]/u;

const isClueWord = (w: string) => WORDS.has(w) || ENDINGS.test(w) || WORD_RULES.some((re) => re.test(w));

function hasCapitalClue(s: string): boolean {
  const firstWord = s.search(/[A-Za-z0-9]/);
  for (const m of s.matchAll(/[A-Za-z'’]*[A-Z][A-Za-z'’]*/g)) {
    if (PRONOUN_I.test(m[0])) continue;
    if (m.index === firstWord && OPENING.test(s.slice(0, m.index)) && !/[A-Z]/.test(m[0].slice(1))) continue;
    return true;
  }
  return false;
}

function hasWordClue(s: string): boolean {
  for (const raw of s.toLowerCase().match(/[a-z0-9&][a-z0-9&'’.-]*/g) ?? []) {
    const word = raw.replace(/[.'’-]+$/, "");
    if (isClueWord(word) || isClueWord(word.replace(/\./g, "")) || isClueWord(word.replace(/['’]s$/, ""))) return true;
    if (/[.-]/.test(word) && word.split(/[.-]/).some((part) => part && isClueWord(part))) return true;
  }
  const flat = ` ${flatten(s)} `;
  for (const w of new Set(flat.trim().split(" "))) for (const key of PHRASES.get(w) ?? []) if (flat.includes(` ${key} `)) return true;
  return false;
}

function hasPlaceWordClue(s: string): boolean {
  const words = s.match(/[\p{L}\p{N}'’]+/gu) ?? [];
  const lower = words.map((w) => w.toLowerCase());
  // "Mayfield hospital", "Acme corp": a capitalised first word, then (past "municipal", "of", ...) a place word
  if (words.length > 1 && TITLE_CASE.test(words[0]!)) {
    if (ORG_WORDS.has(lower[1]!)) return true;
    let i = 1;
    while (i < lower.length && PLACE_CONTINUES.has(lower[i]!)) i++;
    if (PLACE_WORDS.has(lower[i]!)) return true;
  }
  // "a town I've": compromise reads the capital "I've" as the rest of a place's name
  return words.some((w, i) => i > 0 && PRONOUN_I.test(w)) && lower.some((w) => PLACE_WORDS.has(w) || ORG_WORDS.has(w));
}

/** False only when compromise's cheap passes cannot tag a name, place or organisation in this sentence. */
export function sentenceMayHoldEntity(sentence: string): boolean {
  // compromise folds accents ("José") before it looks words up: any non-ASCII letter counts.
  if (NON_ASCII_LETTER.test(sentence)) return true;
  return hasCapitalClue(sentence) || hasWordClue(sentence) || hasPlaceWordClue(sentence);
}
