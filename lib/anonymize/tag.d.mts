export interface TermJson {
  text: string;
  tags: string[];
  pre?: string;
  post?: string;
  offset: { start: number; length: number };
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
export function tagDoc(text: string): TaggedDoc;
/** compromise's own full parse, which tagDoc is checked against (see tag-audit.mjs). */
export function tagDocFull(text: string): TaggedDoc;
export interface Span {
  start: number;
  end: number;
  kind: "name" | "place" | "organization";
}
/** The people and places in a post, as spans of the text it was given. */
export function findEntitySpans(text: string): Span[];
/** People and places read from a tagged post (states, provinces and countries kept, as Safe Harbor allows). */
export function entitySpans(text: string, tagged: TaggedDoc): Span[];
