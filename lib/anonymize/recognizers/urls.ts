import { findAll, type Found, type Recognizer } from "../kinds";
import { SPELLED_TLD, TLD } from "./domains";

// An apostrophe is legal inside a URL ("?q=it's"); a closing quote at the end is trimmed as punctuation below.
const URL_CHARS = String.raw`[^\s<>"\`\[\]{}|\\^\u0001]`;
// Trailing sentence punctuation is not part of a URL ("see https://x.org/a." ends the sentence).
const TRAILING_PUNCTUATION = /[.,;:!?)\]}'"*_~]+$/;

function trimmed(m: RegExpExecArray): Found {
  const text = m[0].replace(TRAILING_PUNCTUATION, "");
  return { start: m.index, end: m.index + text.length, kind: "url" };
}

const WITH_SCHEME = new RegExp(String.raw`(?<![A-Za-z0-9+.-])(?:[a-z][a-z0-9+.-]{1,15}:\/\/|www\.|(?:mailto|javascript|data|file):)${URL_CHARS}+`, "gi");

/** URLs with a scheme or www., hostile schemes included. Runs first: a profile URL holds "@name". */
export const urlsWithScheme: Recognizer = { name: "url", find: (text) => findAll(text, WITH_SCHEME, "url", trimmed) };

const BARE = /(?<![@\w.-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])? ?\. ?)+([a-z]{2,24})(?![\w-])(?:\/[^\s<>"'\u0001]*)?/gi;
const SPELLED = new RegExp(String.raw`\b[a-z0-9-]+(?:\s+dot\s+[a-z0-9-]+)*\s+dot\s+(?:${SPELLED_TLD})\b`, "gi");

/**
 * Bare domains with any ending in IANA's list ("jane-doe.carrd.co", "mysite.photography"), with a stray space
 * around the dot ("mysite . com"), and spelled out ("mysite dot com"). A dot between two words that ends in no
 * real domain ending ("tired.then") is a missing space, not a domain.
 */
export const bareDomains: Recognizer = {
  name: "domain",
  find: (text) => [
    ...findAll(text, BARE, "url", (m) => {
      const dotted = m[0].split("/")[0]!;
      if (!TLD.has(m[1]!.toLowerCase())) return null;
      // "hard. my bf" is two sentences: a spaced dot counts only as " . " before a common ending ("mysite . com").
      if (/\s/.test(dotted) && !(/ \. /.test(dotted) && new RegExp(`^(?:${SPELLED_TLD})$`).test(m[1]!))) return null;
      return trimmed(m);
    }),
    ...findAll(text, SPELLED, "url"),
  ],
};

