// compromise's tagging of a post and the name and place spans read from it: the slow part of anonymizing. The
// tagger worker (tagger-worker.ts) and the in-process path (entities.ts) run this very code.
import nlp from "compromise";
import { STATES_AND_PROVINCES } from "./places";
import { ENTITY_TAGS, sentenceMayHoldEntity } from "./sentence-clues";

export interface TermJson {
  text: string;
  tags: string[];
  pre?: string;
  post?: string;
  offset: { start: number; length: number; index: number };
}
export interface MatchJson {
  text: string;
  terms: TermJson[];
  offset: { start: number; length: number };
}
export interface TaggedDoc {
  /** Every term of the post, in order; empty when no person was found (only the surname extension reads it). */
  terms: TermJson[];
  people: MatchJson[];
  places: MatchJson[];
}
export interface Span {
  start: number;
  end: number;
  kind: "name" | "place" | "organization";
}

// The parts of compromise's internals used here: its sentence splitter and hook list, swapped for one parse, and a
// document's terms (its own types describe the public API only).
type Doc = ReturnType<typeof nlp>;
interface InternalTerm {
  text: string;
  normal: string;
  tags: Set<string>;
}
interface World {
  methods: { one: { tokenize: { splitSentences: (input: string, world: World) => string[] } } };
  hooks: string[];
}
type InternalDoc = Omit<Doc, "docs" | "update" | "compute"> & {
  docs: InternalTerm[][];
  update(pointer: [number, number, number][]): InternalDoc;
  compute(method: string): InternalDoc;
};

// A whitespace-free run this long is never a name or a place. Blanking it (same length, so offsets hold) keeps the
// tagger fast on hostile input: compromise treats "a.a.a.…" as thousands of sentences.
const LONG_TOKEN = /\S{64,}/g;
const OPTS = { offset: true, terms: { offset: true } };

const world = (nlp as unknown as { _world: World })._world;
const splitSentences = world.methods.one.tokenize.splitSentences;

// compromise runs its hooks in order; the last two passes are the costly ones. postTagger (~70% of the time) is a
// sweep of hundreds of match rules, applied within one sentence at a time (compromise splits even at commas before
// it), and chunks is not read by people() or places().
const HOOKS = nlp.hooks();
const BEFORE_POST_TAGGER = HOOKS.filter((h) => h !== "postTagger" && h !== "chunks");

// A sentence gets the rule sweep when, after the cheap passes, a term is tagged as a name, place or organisation,
// or is capitalised after the sentence's first word. "I", "I'm", "i've" and "im" never count: a capital "I'm"
// mid-sentence comes out tagged ProperNoun, and that alone sent one sentence in ten through the sweep. Left out on
// purpose: digits, spelled numbers and a capitalised first word. With them the sweep found no more real names or
// places in the corpus, only its own mistakes ("the [name] I told" for "the first person I told", "a [place] [place]
// [place]" for "a 45 minute drive", "[name]" for "3rd child"; see tagSentences() below). A street address with a
// number never reaches the tagger: the address pattern (patterns.ts) has already replaced it.
const PRONOUN_I = /^(i|im|i['’](m|ve|ll|d))$/;

function needsSweep(terms: InternalTerm[]): boolean {
  return terms.some((t, i) => !PRONOUN_I.test(t.normal) && (ENTITY_TAGS.some((tag) => t.tags.has(tag)) || (i > 0 && /^\p{Lu}/u.test(t.text))));
}

/**
 * compromise's parse of the given sentences as one document, each its own sentence, without splitting again (a
 * split that starts from a different text can end elsewhere: "Mr." before a left-out sentence ran into the next).
 * `hooks`: the passes to run. Synchronous, so swapping compromise's splitter and hook list for one parse cannot
 * interleave with another parse.
 */
function parseSentences(sentences: string[], hooks: string[]): InternalDoc {
  const tokenize = world.methods.one.tokenize;
  const whole = sentences.join("");
  // compromise splits other strings too (a contraction's expansion): those go to its own splitter.
  tokenize.splitSentences = (input: string, w: World) => (input === whole ? sentences : splitSentences(input, w));
  world.hooks = hooks;
  try {
    return nlp(whole) as InternalDoc;
  } finally {
    tokenize.splitSentences = splitSentences;
    world.hooks = HOOKS;
  }
}

/**
 * Where each term of the document starts in the post, by compromise's term index. compromise counts offsets by
 * adding up the terms' text and surrounding whitespace, and it rewrites the whitespace after some emoticons ("<3\n\n"
 * comes back "<3 "): in a whole-post parse that shifted every later offset, by up to 299 characters in the corpus, so
 * a name found there was replaced at the wrong place. Here each term is found in its own sentence of the post. The
 * terms themselves are left alone: compromise's people() and places() read their punctuation.
 */
function startsInSource(doc: InternalDoc, source: string, sentences: { at: number; sentence: string }[]): number[] {
  const starts: number[] = [];
  doc.docs.forEach((terms, k) => {
    const { at, sentence } = sentences[k]!;
    let cursor = at;
    for (const term of terms) {
      const found = source.indexOf(term.text, cursor);
      const inSentence = found >= 0 && found + term.text.length <= at + sentence.length;
      starts.push(inSentence ? found : cursor);
      if (inSentence) cursor = found + term.text.length;
    }
  });
  return starts;
}

/**
 * The post's sentences, as compromise splits them, parsed as one document. The shortcut (the app's path) reads
 * only sentences with a clue of a name or place (sentence-clues.ts), about one in four, and gives the rule sweep
 * only to those the cheap passes tagged; `full` is compromise's whole parse of every sentence, which the tests and
 * `npx tsx scripts/tagger-audit.ts` hold the shortcut to. On all 52,420 corpus posts the shortcut finds no name or
 * place the full parse does not, and misses only the full parse's mistakes: ordinals and numbers read as names or
 * places ("first person", "3rd child", "a four hour drive", "a 45 minute drive", "one way street"), a university
 * "major" read as a military rank, and the verb in "no relationship I foster will ever change".
 */
function tagSentences(text: string, full: boolean): TaggedDoc {
  const source = text.replace(LONG_TOKEN, (t) => " ".repeat(t.length));
  const sentences: { at: number; sentence: string }[] = [];
  let at = 0;
  for (const sentence of splitSentences(source, world)) {
    if (full || sentenceMayHoldEntity(sentence)) sentences.push({ at, sentence });
    at += sentence.length;
  }
  const doc = parseSentences(
    sentences.map((s) => s.sentence),
    full ? HOOKS : BEFORE_POST_TAGGER,
  );
  if (doc.docs.length !== sentences.length) throw new Error("compromise did not keep the sentences it was given");
  if (!full) {
    const sweep: [number, number, number][] = [];
    doc.docs.forEach((terms, n) => {
      if (terms.length > 0 && needsSweep(terms)) sweep.push([n, 0, terms.length]);
    });
    if (sweep.length > 0) doc.update(sweep).compute("postTagger");
  }
  const starts = startsInSource(doc, source, sentences);
  const placed = (term: TermJson) => {
    term.offset.start = starts[term.offset.index]!;
    return term;
  };
  const matches = (view: { json(opts: object): unknown }): MatchJson[] =>
    (view.json(OPTS) as MatchJson[]).map((match) => {
      match.terms.forEach(placed);
      match.offset.start = match.terms[0]?.offset.start ?? match.offset.start;
      return match;
    });
  const people = matches(doc.people());
  return {
    // Every term, read only to extend a person over the surname that follows: not built when there is no person.
    terms: people.length > 0 ? (doc.json(OPTS) as { terms: TermJson[] }[]).flatMap((s) => s.terms.map(placed)) : [],
    people,
    places: matches(doc.places()),
  };
}

export function tagDoc(text: string): TaggedDoc {
  return tagSentences(text, false);
}

/** compromise's own full parse of every sentence: what tagDoc is checked against (tests and scripts/tagger-audit.ts). */
export function tagDocFull(text: string): TaggedDoc {
  return tagSentences(text, true);
}

/** The people and places in a post, as spans of the text it was given. */
export function findEntitySpans(text: string): Span[] {
  return entitySpans(text, tagDoc(text));
}

function keepPlace(term: TermJson): boolean {
  if (term.tags.includes("Country")) return true;
  return term.tags.includes("Region") && STATES_AND_PROVINCES.has(term.text.toLowerCase());
}

// Placeholders such as "[name]" are ours, never entities.
const isPlaceholder = (text: string) => /^\[[a-z0-9 +]+\]$/.test(text);

/**
 * People and places found by compromise's tagger. Safe Harbor keeps states and countries, so a term tagged
 * Country, or a Region that is a known state or province, stays; cities, towns, streets and other places go.
 */
export function entitySpans(text: string, tagged: TaggedDoc): Span[] {
  const spans: Span[] = [];

  // compromise often tags only the given name ("Jordan" in "Jordan Miles"): extend a person over the
  // capitalised proper nouns that directly follow it, which are nearly always the surname.
  const allTerms = tagged.terms;
  const termIndex = new Map(allTerms.map((t, i) => [t.offset.start, i]));
  for (const person of tagged.people) {
    const terms = person.terms.filter((t) => !isPlaceholder(t.text) && /\p{L}/u.test(t.text));
    const first = terms[0];
    let last = terms[terms.length - 1];
    if (!first || !last) continue;
    for (let i = (termIndex.get(last.offset.start) ?? allTerms.length) + 1; i < allTerms.length; i++) {
      const next = allTerms[i]!;
      const prev = allTerms[i - 1]!;
      // Only whitespace between the two words in the post itself (never across a sentence left unread).
      const joined = /^\s+$/.test(text.slice(prev.offset.start + prev.offset.length, next.offset.start));
      if (!joined || !/^\p{Lu}/u.test(next.text) || !next.tags.includes("ProperNoun") || next.tags.includes("Place")) break;
      last = next;
    }
    spans.push({ start: first.offset.start, end: last.offset.start + last.offset.length, kind: "name" });
  }
  for (const place of tagged.places) {
    // Multi-word states ("New York") are tagged term by term: look at the whole match first.
    if (STATES_AND_PROVINCES.has(place.text.toLowerCase().replace(/[.,!?;:]+$/, ""))) continue;
    for (const term of place.terms) {
      if (keepPlace(term) || isPlaceholder(term.text)) continue;
      spans.push({ start: term.offset.start, end: term.offset.start + term.offset.length, kind: "place" });
    }
  }
  return spans.filter((s) => s.end > s.start && text.slice(s.start, s.end).trim().length > 0);
}
