// compromise's tagging of a post: the slow part of anonymizing (~7 ms for a typical post). Plain JavaScript so
// the tagger worker (tagger-worker.mjs) and the in-process path (entities.ts) run the very same code.
import nlp from "compromise";

// A whitespace-free run this long is never a name or a place. Blanking it (same length, so offsets hold) keeps the
// tagger fast on hostile input: compromise treats "a.a.a.…" as thousands of sentences.
const LONG_TOKEN = /\S{64,}/g;
const OPTS = { offset: true, terms: { offset: true } };

export function tagDoc(text) {
  const doc = nlp(text.replace(LONG_TOKEN, (t) => " ".repeat(t.length)));
  return {
    terms: doc.json(OPTS).flatMap((sentence) => sentence.terms),
    people: doc.people().json(OPTS),
    places: doc.places().json(OPTS),
  };
}
