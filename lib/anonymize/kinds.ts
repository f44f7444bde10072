/** What an identifier is, and the readable placeholder that replaces it in stored text. */
export type RedactionKind =
  | "url"
  | "handle"
  | "email"
  | "ip"
  | "date"
  | "age"
  | "id"
  | "phone"
  | "address"
  | "postcode"
  | "name"
  | "place"
  | "organization";

export const PLACEHOLDER: Record<RedactionKind, string> = {
  url: "[url]",
  handle: "[handle]",
  email: "[email]",
  ip: "[ip]",
  date: "[date]",
  age: "[age 90+]",
  id: "[id]",
  phone: "[phone]",
  address: "[address]",
  postcode: "[postcode]",
  name: "[name]",
  place: "[place]",
  organization: "[organization]",
};

/** An identifier found in the folded text: [start, end) and what replaces it (the kind's placeholder by default). */
export interface Found {
  start: number;
  end: number;
  kind: RedactionKind;
  replacement?: string;
}

/** One kind of identifier, read from the folded text (fold.ts) with earlier finds masked out. */
export interface Recognizer {
  name: string;
  find(text: string): Found[];
}

/**
 * Every match of `re` (global, with the `d` flag when `decide` reads group positions), turned into finds by
 * `decide` (null: not an identifier). Without `decide`, the whole match is one find of `kind`.
 */
export function findAll(
  text: string,
  re: RegExp,
  kind: RedactionKind,
  decide?: (m: RegExpExecArray) => Found | Found[] | null,
): Found[] {
  const out: Found[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const found = decide ? decide(m) : { start: m.index, end: m.index + m[0].length, kind };
    if (found) out.push(...[found].flat());
  }
  return out;
}

/** The find for capture group `n` of a match made with the `d` flag. */
export function group(m: RegExpExecArray, n: number, kind: RedactionKind, replacement?: string): Found | null {
  const at = m.indices?.[n];
  return at ? { start: at[0], end: at[1], kind, ...(replacement ? { replacement } : {}) } : null;
}
