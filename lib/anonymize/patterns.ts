import { isIP } from "node:net";
import { STATE_CODES, STATE_PATTERN, STATES_AND_PROVINCES } from "./places.mjs";

/**
 * Pattern rules for identifiers with a recognisable shape (HIPAA Safe Harbor items that can appear in a post).
 * Order matters: URLs before handles (a profile URL contains "@name"), Mastodon handles before emails
 * ("@me@host.social" looks like an email), emails before "@handles".
 *
 * Every open-ended run is anchored with a negative lookbehind on its own character class, so a regex only
 * starts scanning at the beginning of a run: a 100,000-character "word" costs one linear pass, not n².
 */
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
  | "place";

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
};

export interface PatternRule {
  kind: RedactionKind;
  pattern: RegExp;
  /** Returns the replacement, or null to leave the match as it is (e.g. "2019-2021" is not a phone number). */
  replace?: (match: string, groups: string[]) => string | null;
}

// An apostrophe is legal inside a URL ("?q=it's"); a closing quote at the end is trimmed as punctuation below.
const URL_CHARS = String.raw`[^\s<>"\`\[\]{}|\\^]`;
// Trailing sentence punctuation is not part of a URL ("see https://x.org/a." ends the sentence).
const TRAILING_PUNCTUATION = /[.,;:!?)\]}'"*_~]+$/;

function withoutTrailingPunctuation(match: string): string {
  const trimmed = match.replace(TRAILING_PUNCTUATION, "");
  return PLACEHOLDER.url + match.slice(trimmed.length);
}

const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;
const FULL_MONTH = String.raw`(?:january|february|march|april|may|june|july|august|september|october|november|december)`;
const ORDINAL = String.raw`\d{1,2}(?:st|nd|rd|th)?`;
const YEAR = String.raw`(?:1[89]\d\d|2\d{3})`;

/** Keep the year (Safe Harbor allows it), drop the day and month. */
function dateKeepingYear(_match: string, groups: string[]): string {
  const year = groups.find((g) => g && /^\d{4}$/.test(g));
  return year ? `${PLACEHOLDER.date} ${year}` : PLACEHOLDER.date;
}

function digitsIn(s: string): number {
  let n = 0;
  for (const ch of s) if (ch >= "0" && ch <= "9") n++;
  return n;
}

const STREET_SUFFIX = String.raw`(?:street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|way|place|pl|terrace|close|crescent|parkway|pkwy|highway|hwy|square|sq|circle|cir|trail|row|mews)`;

export const PATTERN_RULES: PatternRule[] = [
  // URLs with a scheme or www., including hostile schemes; then bare domains with a well-known TLD.
  {
    kind: "url",
    pattern: new RegExp(String.raw`(?<![A-Za-z0-9+.-])(?:[a-z][a-z0-9+.-]{1,15}:\/\/|www\.|(?:mailto|javascript|data|file):)${URL_CHARS}+`, "gi"),
    replace: withoutTrailingPunctuation,
  },
  // Mastodon/fediverse handles: @user@instance.tld
  {
    kind: "handle",
    pattern: /(?<![\w@.])@[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}/g,
  },
  {
    kind: "email",
    pattern: /(?<![A-Za-z0-9!#$%&'*+/=?^_`{|}~.-])[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}(?![A-Za-z0-9-])/g,
  },
  // Reddit users: u/name, /u/name, /user/name (3-20 chars on Reddit; any length is caught).
  { kind: "handle", pattern: /(?<![\w/])\/?(?:u|user)\/[A-Za-z0-9_-]+/gi },
  // @name (Twitter/X, Instagram, Threads) and @name.bsky.social (Bluesky); an @ after a word is not a handle.
  { kind: "handle", pattern: /(?<![\w@])@[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?/g },
  {
    kind: "url",
    pattern:
      /(?<![@\w.-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:com|org|net|edu|gov|info|io|co|me|app|dev|ly|gg|tv|social|online|site|xyz|blog|uk|ca|au|nz|ie|de|fr|es|nl|be|ch|se|dk|fi|pl|jp|br|mx|ru|cn|za|us)(?![\w-])(?:\/[^\s<>"']*)?/gi,
    replace: withoutTrailingPunctuation,
  },
  {
    kind: "ip",
    // IPv6: the dotted-IPv4 tail is tried first ("::ffff:10.0.0.1"), and a trailing ":" or "." is sentence
    // punctuation unless another group or octet follows it.
    pattern: /(?<![\w.:])(?:\d{1,3}\.){3}\d{1,3}(?!\w|\.\d)|(?<![\w:.])(?:[0-9a-f]{0,4}:){2,7}(?:(?:\d{1,3}\.){3}\d{1,3}|[0-9a-f]{0,4})(?!\w|\.\d|:[0-9a-f])/gi,
    replace: (m) => {
      if (isIP(m)) return PLACEHOLDER.ip;
      // "fe80::1:" at the end of a clause: the colon is punctuation.
      if (m.endsWith(":") && isIP(m.slice(0, -1))) return `${PLACEHOLDER.ip}:`;
      return null;
    },
  },
  // Dates finer than a year.
  {
    kind: "date",
    pattern: new RegExp(String.raw`\b(\d{4})-\d{1,2}-\d{1,2}(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\b`, "g"),
    replace: dateKeepingYear,
  },
  {
    kind: "date",
    pattern: /\b\d{1,2}[/.-]\d{1,2}[/.-](\d{4}|\d{2})(?![\d/.-]*\d)/g,
    replace: dateKeepingYear,
  },
  {
    kind: "date",
    pattern: new RegExp(String.raw`\b${MONTH}\.?\s+${ORDINAL}\b(?:,?\s+(${YEAR})\b)?`, "gi"),
    replace: dateKeepingYear,
  },
  {
    kind: "date",
    pattern: new RegExp(String.raw`\b${ORDINAL}\s+(?:of\s+)?${MONTH}\b\.?(?:,?\s+(${YEAR})\b)?`, "gi"),
    replace: dateKeepingYear,
  },
  { kind: "date", pattern: new RegExp(String.raw`\b${FULL_MONTH}\s+(${YEAR})\b`, "gi"), replace: dateKeepingYear },
  // A bare month only with a preposition in front, so "I may" and "we march" stay.
  {
    kind: "date",
    pattern: new RegExp(String.raw`\b(in|on|since|until|till|by|last|next|this|early|late|mid|of|from|during|before|after)\s+${FULL_MONTH}\b`, "gi"),
    replace: (_m, [prep]) => `${prep} ${PLACEHOLDER.date}`,
  },
  // Ages over 89 become "90 or older".
  {
    kind: "age",
    pattern: /\b(\d{2,3})\s*-?\s*(?:(?:years?|yrs?)\s*-?\s*old|y\.?o\b\.?|y\/o\b)/gi,
    replace: (m, [n]) => (Number(n) >= 90 ? PLACEHOLDER.age : null),
  },
  {
    kind: "age",
    pattern: /(?<!\[)\b(aged?|I'?m|I am|turn(?:ed|ing)?|she'?s|he'?s|they'?re)\s+(\d{2,3})(?![\d%.,]|\s*(?:%|percent|kg|lbs?|pounds|dollars))/gi,
    replace: (_m, [prefix, n]) => (Number(n) >= 90 ? `${prefix} ${PLACEHOLDER.age}` : null),
  },
  // Social security numbers, ZIP+4 and card-like digit groups before phones, which would also match them.
  { kind: "id", pattern: /\b\d{3}-\d{2}-\d{4}\b/g },
  { kind: "postcode", pattern: /\b\d{5}-\d{4}\b/g },
  { kind: "id", pattern: /\b(?:\d{4}[ -]){3}\d{4}\b/g },
  {
    kind: "phone",
    pattern: /(?<![\w+$£€.,])\+?\(?\d[\d ().-]{5,22}\d(?![\w%])/g,
    replace: (m) => {
      const n = digitsIn(m);
      // "2019-2021", "1990 - 2000": year ranges are not phone numbers.
      if (/^(?:1[89]|2\d)\d\d\s*-\s*(?:1[89]|2\d)\d\d$/.test(m)) return null;
      if (n < 7) return null;
      return n > 15 ? PLACEHOLDER.id : PLACEHOLDER.phone;
    },
  },
  // Long plain numbers and letter-digit codes (record, account, passport numbers).
  { kind: "id", pattern: /(?<![\w$£€.,])\d{6,}(?![\w%])/g },
  // At least four digits, so "COVID-19" and "PHQ-9" stay.
  { kind: "id", pattern: /\b(?=(?:[A-Z-]*\d){4})(?=[A-Z0-9-]*[A-Z])[A-Z0-9][A-Z0-9-]{5,}\b/g },
  {
    kind: "address",
    pattern: new RegExp(
      String.raw`\b\d{1,6}[A-Za-z]?\s+(?:[A-Z][A-Za-z'-]*\s+){1,3}${STREET_SUFFIX}\b\.?(?:,?\s+(?:apt|apartment|unit|suite|flat|#)\.?\s*#?\w+)?`,
      "gi",
    ),
  },
  {
    kind: "address",
    pattern: new RegExp(String.raw`\b(?:[A-Z][a-z'-]+\s+){1,3}(?:Street|Avenue|Road|Boulevard|Lane|Drive|Terrace|Crescent|Parkway|Highway)\b`, "g"),
  },
  { kind: "postcode", pattern: /\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b/g },
  // US ZIP codes after a state name or abbreviation (ZIP+4 is caught above).
  {
    kind: "postcode",
    pattern: new RegExp(String.raw`\b(${STATE_PATTERN}|[A-Z]{2}),?\s+\d{5}\b`, "g"),
    replace: (_m, [state]) => `${state} ${PLACEHOLDER.postcode}`,
  },
  // "Springfield, Ohio", "Dayton, OH": the town goes, the state stays (compromise misses many small towns).
  {
    kind: "place",
    pattern: new RegExp(String.raw`\b[A-Z][a-z'-]+(?:\s[A-Z][a-z'-]+)?(?=,\s*(?:${STATE_PATTERN}|${STATE_CODES})\b)`, "g"),
    replace: (m) => (STATES_AND_PROVINCES.has(m.toLowerCase()) ? null : PLACEHOLDER.place),
  },
  // "my name is sam", "My name is Dana Whitfield": names after an introduction, in any case, with up to two
  // capitalised words after the first (the surname); the tagger misses lower-case names.
  {
    kind: "name",
    pattern: /\b((?:[Mm]y|MY) (?:[Nn]ame|NAME)(?: is| IS|'s)|[Ii]'m called|[Nn]amed)\s+([A-Za-z][A-Za-z'-]*(?:\s+[A-Z][A-Za-z'-]*){0,2})/g,
    replace: (m, [, words = ""]) => {
      const parts = words.split(/(\s+)/);
      const first = parts[0] ?? "";
      if (COMMON_WORDS_AFTER_NAME_LEAD.has(first.toLowerCase())) return null;
      let used = 1;
      while (used + 1 < parts.length && !COMMON_WORDS_AFTER_NAME_LEAD.has((parts[used + 1] ?? "").toLowerCase())) used += 2;
      // Keep the introduction and anything after the name ("and I'm tired") as written.
      return `${m.slice(0, m.length - words.length)}${PLACEHOLDER.name}${parts.slice(used).join("")}`;
    },
  },
];

// "my name is not important", "named after": words that follow those phrases and are not names.
const COMMON_WORDS_AFTER_NAME_LEAD = new Set(
  "a an the not so too really very just it what how why when where who after for on in by my your his her their our all nobody nothing irrelevant unimportant and but or i i'm im i've i'd i'll so because".split(
    " ",
  ),
);
