/** compromise's tags for names, places and organisations (their subtags count too). */
export const ENTITY_TAGS: string[];
/** False only when compromise's cheap passes cannot tag a name, place or organisation in this sentence. */
export function sentenceMayHoldEntity(sentence: string): boolean;
