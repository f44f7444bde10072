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
const LEXICON = nlp.world().model.one.lexicon;

// A sentence can only come out holding a person or a place if, before postTagger, it already has a term tagged as
// one of these, or a capitalised word that is not "I" (or, first in the sentence, a word compromise doesn't know).
// Numbers are in the list because postTagger turns "3rd child" into an honorific and "2x drive" into an address.
const MAY_HOLD_ENTITY = ["Value", "Person", "FirstName", "LastName", "MaleName", "FemaleName", "Honorific", "Place", "City", "Country", "Region", "Address", "ProperNoun", "Organization"];
const PRONOUN_I = /^I(['’](m|ve|ll|d))?$/;

function mayHoldEntity(terms) {
  return terms.some(
    (t, i) =>
      MAY_HOLD_ENTITY.some((tag) => t.tags.has(tag)) ||
      (/^\p{Lu}/u.test(t.text) && !PRONOUN_I.test(t.text) && (i > 0 || !Object.hasOwn(LEXICON, t.normal))),
  );
}

/**
 * compromise's full parse, about 35% faster: every sentence gets the cheap passes, and only sentences that may hold
 * a name or a place get the rule sweep. On all 52,420 corpus posts (7,911 with a name or place) the people and places
 * are the same but for one post, where the full parse took the verb in "no relationship I foster will ever change"
 * for a name; the tests check 300 real posts and tricky text. Synchronous, so swapping the hook list for one parse
 * cannot interleave with another parse.
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

/** compromise's own full parse: what tagDoc must match (tests and the equivalence check). */
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
