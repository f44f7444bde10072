// compromise's tagging of a post and the name and place spans read from it: the slow part of anonymizing. Plain
// JavaScript so the tagger worker (tagger-worker.mjs) and the in-process path (entities.ts) run the very same code.
import nlp from "compromise";
import { STATES_AND_PROVINCES } from "./places.mjs";

// A whitespace-free run this long is never a name or a place. Blanking it (same length, so offsets hold) keeps the
// tagger fast on hostile input: compromise treats "a.a.a.…" as thousands of sentences.
const LONG_TOKEN = /\S{64,}/g;
const OPTS = { offset: true, terms: { offset: true } };

// compromise runs its hooks in order; the last two passes are the costly ones. postTagger (~70% of the time) is a
// sweep of hundreds of match rules, applied within one sentence at a time (compromise splits even at commas before
// it), and chunks is not read by people() or places().
const HOOKS = nlp.hooks();
const BEFORE_POST_TAGGER = HOOKS.filter((h) => h !== "postTagger" && h !== "chunks");

// A sentence gets the rule sweep when, before it, a term is already tagged as one of these, holds a digit ("3rd
// child" comes out an honorific, "12 Elm drive" an address), or is capitalised after the sentence's first word.
// "I", "I'm", "i've" and "im" never count: a capital "I'm" mid-sentence comes out tagged ProperNoun, and that alone
// sent one sentence in ten through the sweep. Left out on purpose: spelled numbers and a capitalised first word.
// With them the sweep found no more real names or places in the corpus, only its own mistakes ("the [name] I told"
// for "the first person I told", "a [place] [place] [place]" for "a four hour drive"; see parse() below).
const MAY_HOLD_ENTITY = ["Person", "FirstName", "LastName", "MaleName", "FemaleName", "Honorific", "Place", "City", "Country", "Region", "Address", "ProperNoun", "Organization"];
const PRONOUN_I = /^(i|im|i['’](m|ve|ll|d))$/;

function mayHoldEntity(terms) {
  return terms.some(
    (t, i) =>
      !PRONOUN_I.test(t.normal) &&
      (MAY_HOLD_ENTITY.some((tag) => t.tags.has(tag)) || /\d/.test(t.text) || (i > 0 && /^\p{Lu}/u.test(t.text))),
  );
}

/**
 * compromise's full parse, about half the time: every sentence gets the cheap passes, and only sentences that may
 * hold a name or a place get the rule sweep. On all 52,420 corpus posts (7,911 with a name or place;
 * `node scripts/tagger-audit.mjs`) it finds no name or place the full parse does not, and misses only the full
 * parse's mistakes, in 267 posts: ordinals and spelled numbers read as names or places ("first person", "third
 * person", "first child", "a four hour drive", "one way street"), a university "major" read as a military rank, and
 * the verb in "no relationship I foster will ever change". The tests check 300 real posts and tricky text.
 * Synchronous, so swapping the hook list for one parse cannot interleave with another parse.
 */
function parse(text) {
  const world = nlp._world;
  world.hooks = BEFORE_POST_TAGGER;
  let doc;
  try {
    doc = nlp(text);
  } finally {
    world.hooks = HOOKS;
  }
  const pointers = [];
  doc.docs.forEach((terms, n) => {
    if (terms.length > 0 && mayHoldEntity(terms)) pointers.push([n, 0, terms.length]);
  });
  if (pointers.length > 0) doc.update(pointers).compute("postTagger");
  return doc;
}

function tagged(doc) {
  const people = doc.people().json(OPTS);
  return {
    // Every term, read only to extend a person over the surname that follows: not built when there is no person.
    terms: people.length > 0 ? doc.json(OPTS).flatMap((sentence) => sentence.terms) : [],
    people,
    places: doc.places().json(OPTS),
  };
}

const blankLongTokens = (text) => text.replace(LONG_TOKEN, (t) => " ".repeat(t.length));

export function tagDoc(text) {
  return tagged(parse(blankLongTokens(text)));
}

/** compromise's own full parse: what tagDoc is checked against (tests and scripts/tagger-audit.mjs). */
export function tagDocFull(text) {
  return tagged(nlp(blankLongTokens(text)));
}

/** The people and places in a post, as spans of the text it was given. */
export function findEntitySpans(text) {
  return entitySpans(text, tagDoc(text));
}

function keepPlace(term) {
  if (term.tags.includes("Country")) return true;
  return term.tags.includes("Region") && STATES_AND_PROVINCES.has(term.text.toLowerCase());
}

// Placeholders such as "[name]" are ours, never entities.
const isPlaceholder = (text) => /^\[[a-z0-9 +]+\]$/.test(text);

/**
 * People and places found by compromise's tagger. Safe Harbor keeps states and countries, so a term tagged
 * Country, or a Region that is a known state or province, stays; cities, towns, streets and other places go.
 */
export function entitySpans(text, tagged) {
  const spans = [];

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
      const next = allTerms[i];
      const prev = allTerms[i - 1];
      const joined = /^\s+$/.test(prev.post ?? "") && !(next.pre ?? "").trim();
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
