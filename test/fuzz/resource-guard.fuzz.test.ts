import fc from "fast-check";
import { describe, it } from "vitest";
import { StreamGuard } from "@/lib/ai/guard/stream-guard";
import { RESOURCES } from "@/lib/resources/directory";
import { FUZZ } from "./runs";

// The resource guard between a language model and the person: whatever the model writes, however the stream
// is cut into chunks, no phone number, short code, URL or email outside the verified directory reaches the
// page, while the directory's own contact details pass. The fake contacts are generated here and checked
// against the directory; the output is then scanned independently of the guard's own patterns.

// The oracle: the directory's own numbers and addresses, collected here (not with the guard's code).
const digitsOf = (s: string) => s.replace(/\D/g, "");
const DIRECTORY_NUMBERS = new Set(
  RESOURCES.flatMap((r) =>
    Object.entries(r.contact)
      .filter(([k, v]) => typeof v === "string" && !["url", "chat_url", "email"].includes(k))
      .flatMap(([, v]) => (v as string).match(/\d[\d\s().-]*\d|\d/g) ?? [])
      .map(digitsOf)
      .filter((d) => d.length >= 3),
  ),
);
function isDirectoryNumber(text: string): boolean {
  const d = digitsOf(text);
  if (DIRECTORY_NUMBERS.has(d)) return true;
  // "(800) 662-4357" is the directory's "1-800-662-4357" without the country code.
  return d.length >= 10 && [...DIRECTORY_NUMBERS].some((known) => known.length === d.length + 1 && known.endsWith(d));
}
const hostOf = (u: string) => u.toLowerCase().replace(/^[a-z][a-z0-9+.-]*:\/\//, "").replace(/^www\./, "").split(/[/?#]/)[0]!;
const DIRECTORY_HOSTS = new Set(RESOURCES.flatMap((r) => [r.contact.url, r.contact.chat_url].filter((u): u is string => !!u).map(hostOf)));
const isDirectoryUrl = (u: string) => DIRECTORY_HOSTS.has(hostOf(u));

const DIRECTORY_TEXT = RESOURCES.flatMap((r) => Object.values(r.contact).filter((v): v is string => typeof v === "string"));
const DIRECTORY_EMAILS = new Set(RESOURCES.flatMap((r) => (r.contact.email ? [r.contact.email.toLowerCase()] : [])));
const ALLOWED_IDS = RESOURCES.slice(0, 6).map((r) => r.id);

const digit = fc.integer({ min: 0, max: 9 }).map(String);
const digits = (min: number, max: number) => fc.array(digit, { minLength: min, maxLength: max }).map((d) => d.join(""));
const sep = fc.constantFrom("-", " ", ".", "", "\u2011", "\u2013", " - ");
const zeroWidth = fc.constantFrom("", "\u200b", "\u2060", "\u00ad");

const fakePhone = fc
  .oneof(
    fc.tuple(digits(3, 3), digits(3, 3), digits(4, 4), sep).map(([a, b, c, s]) => `${a}${s}${b}${s}${c}`),
    fc.tuple(digits(3, 3), digits(3, 3), digits(4, 4)).map(([a, b, c]) => `(${a}) ${b}-${c}`),
    fc.tuple(digits(3, 3), digits(3, 3), digits(4, 4)).map(([a, b, c]) => `+1 ${a} ${b} ${c}`),
    fc.tuple(digits(3, 3), digits(3, 3), digits(4, 4)).map(([a, b, c]) => `1-800-${b}-${c}`.replace("800", a)),
    fc.tuple(digits(2, 4), digits(3, 4), digits(3, 4)).map(([a, b, c]) => `+44 ${a} ${b} ${c}`),
    fc.tuple(digits(3, 4), digits(3, 4)).map(([a, b]) => `0800 ${a} ${b}`),
    fc.tuple(digits(3, 3), zeroWidth, digits(3, 3), zeroWidth, digits(4, 4)).map((p) => p.join("")),
    digits(5, 6).map((code) => `text HELP to ${code}`),
    fc.constantFrom("1-800-HELP-NOW", "1-888-TALK-NOW", "0800-CALL-ME"),
  )
  .filter((p) => !isDirectoryNumber(p) && !/^\d{1,3}$/.test(p.replace(/\D/g, "")));

const fakeUrl = fc
  .oneof(
    fc.webUrl({ withQueryParameters: true }),
    fc.domain().map((d) => `www.${d}`),
    fc.constantFrom("help-now.org", "crisis-support.net/call", "findhelp.app", "hope[dot]org", "help (dot) com", "tel:5551234567", "sms:55555"),
  )
  .filter((u) => !isDirectoryUrl(u));
const fakeEmail = fc.emailAddress().filter((e) => !DIRECTORY_EMAILS.has(e.toLowerCase()));
const fake = fc.oneof(fakePhone, fakeUrl, fakeEmail);

const words = fc.array(fc.constantFrom("You", "can", "reach", "someone", "now", "at", "or", "call", "text", "them", "they", "listen", "kindly", "."), { maxLength: 6 }).map((w) => w.join(" "));
const marker = fc.oneof(fc.constantFrom(...ALLOWED_IDS), fc.constantFrom("fake-hotline", "us-988-call-text-x", "../etc")).map((id) => `[[res:${id}]]`);
const piece = fc.oneof(
  { weight: 3, arbitrary: fake.map((v) => ({ fake: v, text: v })) },
  { weight: 2, arbitrary: fc.constantFrom(...DIRECTORY_TEXT).map((text) => ({ fake: null, text })) },
  { weight: 1, arbitrary: marker.map((text) => ({ fake: null, text })) },
);
const message = fc.array(fc.tuple(words, piece, fc.constantFrom(" ", ". ", "\n", ", ", ": ")), { minLength: 1, maxLength: 5 });

function guard(text: string, cuts: number[]): string {
  const g = new StreamGuard(ALLOWED_IDS);
  let out = "";
  let at = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    const to = Math.min(text.length, cut % (text.length + 1));
    if (to <= at) continue;
    out += g.push(text.slice(at, to));
    at = to;
  }
  return out + g.push(text.slice(at)) + g.end();
}

// Independent scans of what reached the page.
const NUMBER_RUNS = /\+?\(?\d[\d\s().\-\u2010-\u2015\u200b\u2060\u00ad]*\d|\d/g;
const EMAILS = /[^\s@()]+@[^\s@()]+\.[a-z]{2,}/gi;
const HOSTS = /\b(?:[a-z0-9-]+\.)+(?:com|org|net|gov|edu|app|uk|ca|au|io|co|info|help)\b/gi;

describe("resource guard fuzzing", { timeout: 600_000 }, () => {
  it("no contact detail outside the directory passes, however the stream is chunked", () => {
    fc.assert(
      fc.property(message, fc.array(fc.nat(), { maxLength: 12 }), (parts, cuts) => {
        const text = parts.map(([w, p, s]) => `${w} ${p.text}${s}`).join("");
        const out = guard(text, cuts);
        for (const [, p] of parts) if (p.fake && out.includes(p.fake)) return false;
        for (const m of out.matchAll(NUMBER_RUNS)) {
          const d = m[0].replace(/\D/g, "");
          if (d.length >= 3 && !isDirectoryNumber(m[0])) return false;
        }
        for (const m of out.matchAll(EMAILS)) if (!DIRECTORY_EMAILS.has(m[0].toLowerCase())) return false;
        for (const m of out.matchAll(HOSTS)) if (!isDirectoryUrl(m[0]) && !DIRECTORY_TEXT.some((t) => t.toLowerCase().includes(m[0].toLowerCase()))) return false;
        // Unknown resource ids never pass either.
        for (const m of out.matchAll(/\[\[res:([^\]]*)\]\]/g)) if (!ALLOWED_IDS.includes(m[1]!)) return false;
        return true;
      }),
      FUZZ,
    );
  });

  it("directory contact details and allowed markers pass unchanged", () => {
    fc.assert(
      fc.property(fc.constantFrom(...DIRECTORY_TEXT.filter((t) => /\d/.test(t))), fc.constantFrom(...ALLOWED_IDS), fc.array(fc.nat(), { maxLength: 8 }), (contact, id, cuts) => {
        const out = guard(`You can reach them at ${contact} anytime. [[res:${id}]]`, cuts);
        return out.includes(`[[res:${id}]]`) && (contact.match(/\d[\d\s-]*\d|\d/g) ?? []).every((n) => out.replace(/\s/g, "").includes(n.replace(/\s/g, "")));
      }),
      FUZZ,
    );
  });
});

