import { getResource, RESOURCES } from "@/lib/resources/directory";
import type { Resource } from "@/lib/resources/schema";

/**
 * Contact-detail and markup scrubbing for generated text. The only contact details a person may see are the
 * directory's; anything else that looks like a phone number, SMS code, URL or email is removed, because a
 * model that invents one hotline digit can send someone in crisis to a stranger.
 */

export type RemovalKind = "phone" | "url" | "email" | "html" | "resource_id" | "method" | "diagnosis" | "confidentiality";
export type RemovalCounts = Partial<Record<RemovalKind, number>>;

export const REMOVED_CONTACT = "(removed: not in our verified list)";

const digitsOf = (s: string) => s.replace(/\D/g, "");

// A number-like run: starts at a digit (optionally after + or "("), continues through digits, phone separators
// and whitespace, and ends at a digit ("0800 58 58 58", "988 . 988"; a word ends it: "988 or"). Digit groups
// split only by spacing or punctuation are judged as one number, so they cannot be assembled by the reader.
const NUMBER_RUN = /(?<![\w])\+?\(?\d[\d\s().\-\u2010-\u2015]*\d(?![\w])|(?<![\w])\d(?![\w])/g;
// Letter-phone numbers ("1-800-SUICIDE", "1-833-TLC-MAMA"): digits, then a separator, then capital letters.
const VANITY_NUMBER = /(?<![\w])\+?\(?\d[\d().\-\s]*[\s.\-][A-Z]{2,}[A-Z0-9]*(?:[\s.\-][A-Z0-9]{2,})*(?![\w])/g;

const normalizeUrl = (u: string) =>
  u
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, "")
    .replace(/^www\./, "")
    .replace(/[/?#]+$/, "");

/**
 * The contact details a message may contain: those of the entries it may show (the case's candidates and the
 * country's crisis lines). A real number from another country's entry is still the wrong number for this person.
 */
export class ContactAllowlist {
  private readonly numbers = new Set<string>();
  private readonly urls = new Set<string>();
  private readonly emails = new Set<string>();

  constructor(resources: readonly Resource[]) {
    for (const r of resources) {
      for (const [key, value] of Object.entries(r.contact)) {
        if (typeof value !== "string") continue;
        if (key === "url" || key === "chat_url") this.urls.add(normalizeUrl(value));
        else if (key === "email") this.emails.add(value.toLowerCase());
        else
          for (const m of value.matchAll(NUMBER_RUN)) {
            const d = digitsOf(m[0]);
            if (d.length >= 3) this.numbers.add(d);
          }
      }
    }
  }

  static forIds(ids: Iterable<string>): ContactAllowlist {
    return new ContactAllowlist([...ids].map((id) => getResource(id)).filter((r): r is Resource => r !== undefined));
  }

  hasNumber(text: string): boolean {
    const d = digitsOf(text);
    if (this.numbers.has(d)) return true;
    // "(800) 662-4357" is the directory's "1-800-662-4357" without the country code.
    if (d.length >= 10) for (const known of this.numbers) if (known.length === d.length + 1 && known.endsWith(d)) return true;
    return false;
  }

  hasUrl(url: string): boolean {
    return this.urls.has(normalizeUrl(url));
  }

  hasEmail(email: string): boolean {
    return this.emails.has(email.toLowerCase());
  }
}

/** Every contact detail in the directory (for checks that are not about one case). */
export const WHOLE_DIRECTORY = new ContactAllowlist(RESOURCES);

export const isDirectoryNumber = (text: string) => WHOLE_DIRECTORY.hasNumber(text);
export const isDirectoryUrl = (url: string) => WHOLE_DIRECTORY.hasUrl(url);

const INVISIBLE = /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u206a-\u206f\ufeff]/g;
const HTML_BLOCK = /<(script|style|iframe|object|embed|svg|math|template|noscript)\b[\s\S]*?<\/\1\s*>/gi;
const HTML_COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
const HTML_TAG = /<\/?[a-zA-Z!?][^>]*>/g;
// An opening "<tag" never closed by the end of the message: drop it and whatever follows on that line.
const HTML_UNCLOSED = /<[a-zA-Z!?/][^>]*$/;
const MARKDOWN_LINK = /!?(?<!\[)\[([^[\]\n]{0,200})\]\(([^()\s]*)\)/g;
const SCHEME_URL = /\b(?:[a-z][a-z0-9+.-]{1,15}:\/\/|www\.)[^\s<>"'`]+/gi;
const PSEUDO_SCHEME = /\b(?:tel|sms|mailto|javascript|vbscript|data|whatsapp|signal|tg):[^\s<>"'`]*/gi;
const BARE_DOMAIN =
  /(?<![\w@.-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:com|org|net|gov|edu|info|io|co|app|biz|xyz|online|site|help|health|care|life|live|chat|me|ly|gg|[a-z]{2})\b(?:\/[^\s<>"'`]*)?/gi;
// "help[dot]org", "help (dot) org", "help dot com": removed from the obfuscated dot on, so the name left
// before it (perhaps already shown) is no longer an address.
const OBFUSCATED_DOMAIN = /\s*(?:\[\.\]|\(\.\)|\[dot\]|\(dot\)|\{dot\}|\s+dot\s+(?=(?:com|org|net|gov|info|io|co|uk|au|ca|nz|ie|in)\b))\s*[\w-]+\S*/gi;
// Any local part email allows (letters, digits, !#$%&'*+/=?^_`{|}~.-), or an "[at]" spelled out.
const EMAIL = /[^\s@<>()[\]",;:]+(?:@|\s*\[at\]\s*|\s*\(at\)\s*)[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const TRAILING_PUNCT = /[.,;:!?)\]}'"*_~]+$/;

function bump(counts: RemovalCounts, kind: RemovalKind, n = 1): void {
  counts[kind] = (counts[kind] ?? 0) + n;
}

function scrubUrl(match: string, counts: RemovalCounts, allow: ContactAllowlist): string {
  const trailing = TRAILING_PUNCT.exec(match)?.[0] ?? "";
  const url = trailing ? match.slice(0, -trailing.length) : match;
  if (allow.hasUrl(url)) return match;
  bump(counts, "url");
  return REMOVED_CONTACT + trailing;
}

/**
 * Removes markup and every contact detail that is not in the directory. Pure; `counts` collects what was removed.
 * `[[res:id]]` markers must already be protected by the caller (ids contain digits such as "988").
 */
export function scrubText(input: string, counts: RemovalCounts, allow: ContactAllowlist = WHOLE_DIRECTORY): string {
  // Full-width and other compatibility forms become plain ones ("５５５" -> "555"); digits of other scripts
  // become "0" so they still read as an unknown number and are removed.
  let text = input.normalize("NFKC").replace(INVISIBLE, "").replace(/(?![0-9])\p{Nd}/gu, "0");

  text = text.replace(HTML_BLOCK, () => (bump(counts, "html"), ""));
  text = text.replace(HTML_COMMENT, () => (bump(counts, "html"), ""));
  text = text.replace(HTML_TAG, () => (bump(counts, "html"), ""));
  // Markdown is shown as plain text: keep a link's words, judge its target like any other URL.
  text = text.replace(MARKDOWN_LINK, (_m, label: string, target: string) => {
    if (target && !allow.hasUrl(target)) bump(counts, "url");
    return label;
  });
  text = text.replace(/\*\*|__|`+|^#{1,6}\s+/gm, "");

  text = text.replace(EMAIL, (m) => {
    if (allow.hasEmail(m)) return m;
    bump(counts, "email");
    return REMOVED_CONTACT;
  });
  text = text.replace(SCHEME_URL, (m) => scrubUrl(m, counts, allow));
  text = text.replace(PSEUDO_SCHEME, () => (bump(counts, "url"), REMOVED_CONTACT));
  text = text.replace(OBFUSCATED_DOMAIN, () => (bump(counts, "url"), ` ${REMOVED_CONTACT}`));
  text = text.replace(BARE_DOMAIN, (m) => scrubUrl(m, counts, allow));

  text = text.replace(VANITY_NUMBER, (m) => {
    const numeric = m.match(/^[+(]?[\d().\-\s]*\d/)?.[0] ?? "";
    // "988 TODAY" is the directory's 988 followed by a word; "1-800-SUICIDE" is a number nobody verified.
    if (digitsOf(numeric).length < 3 || allow.hasNumber(numeric)) return m;
    bump(counts, "phone");
    return REMOVED_CONTACT;
  });
  text = text.replace(NUMBER_RUN, (m) => {
    if (digitsOf(m).length < 3 || allow.hasNumber(m)) return m;
    bump(counts, "phone");
    return REMOVED_CONTACT;
  });
  return text;
}

/** At the end of a message: anything still inside an unclosed tag is markup, never text. */
export function dropUnclosedMarkup(text: string, counts: RemovalCounts): string {
  return text.replace(HTML_UNCLOSED, () => (bump(counts, "html"), ""));
}

export { bump as countRemoval };
