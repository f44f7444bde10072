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
  /** Every term of the post, in order. */
  terms: TermJson[];
  people: MatchJson[];
  places: MatchJson[];
}
export function tagDoc(text: string): TaggedDoc;
/** compromise's own full parse, which tagDoc must match. */
export function tagDocFull(text: string): TaggedDoc;
