import { describe, it } from "vitest";
import fc from "fast-check";
import { redactText } from "./index";

/**
 * Property: whatever surrounds it, no email, phone number, URL or handle survives anonymization.
 * 10,000 runs each with a fixed seed so a failure reproduces exactly.
 */
const RUNS = { numRuns: 10_000, seed: 20261125 };
// The name tagger costs ~1 ms a post on an idle core and several times that on a busy one: 10,000 runs need room.
const TIMEOUT = { timeout: 300_000 };

const word = fc.constantFrom("i", "feel", "so", "tired", "today", "and", "nobody", "gets", "it", "Please", "help", "me", "...", "ok", "?", "—", "😔", "über", "can't");
const separator = fc.constantFrom(" ", "\n", ", ", " (", ") ", ": ", " \"", "\" ", "\t", ". ");
const words = fc.array(word, { maxLength: 8 }).map((w) => w.join(" "));

function embedded(token: fc.Arbitrary<string>) {
  return fc.tuple(words, separator, token, separator, words).map(([a, s1, t, s2, b]) => ({ token: t, text: `${a}${s1}${t}${s2}${b}` }));
}

const digit = fc.integer({ min: 0, max: 9 }).map(String);
const digits = (n: number) => fc.array(digit, { minLength: n, maxLength: n }).map((d) => d.join(""));

const phone = fc.oneof(
  fc.tuple(digits(3), digits(3), digits(4)).map(([a, b, c]) => `(${a}) ${b}-${c}`),
  fc.tuple(digits(3), digits(3), digits(4), fc.constantFrom("-", ".", " ", "")).map(([a, b, c, s]) => `${a}${s}${b}${s}${c}`),
  fc.tuple(digits(3), digits(3), digits(4)).map(([a, b, c]) => `+1 ${a} ${b} ${c}`),
  fc.tuple(digits(2), digits(4), digits(4)).map(([a, b, c]) => `+44 ${a} ${b} ${c}`),
  fc.tuple(digits(4), digits(6)).map(([a, b]) => `07${a.slice(1)} ${b}`),
  fc.tuple(digits(1), digits(4), digits(4)).map(([a, b, c]) => `+61 ${a} ${b} ${c}`),
);

const redditName = fc.stringMatching(/^[A-Za-z0-9_-]{3,20}$/);
const handle = fc.oneof(
  redditName.map((n) => `u/${n}`),
  redditName.map((n) => `/u/${n}`),
  fc.stringMatching(/^[A-Za-z0-9_]{1,15}$/).map((n) => `@${n}`),
  fc.tuple(fc.stringMatching(/^[a-z0-9]{1,12}$/), fc.domain()).map(([n, d]) => `@${n}@${d}`),
  fc.stringMatching(/^[a-z0-9]{1,12}$/).map((n) => `@${n}.bsky.social`),
);

const url = fc.oneof(
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.webUrl().map((u) => u.replace(/^https?:\/\//, "www.")),
);

function survives(token: string, output: string): boolean {
  return output.includes(token);
}

describe("anonymize: property tests", TIMEOUT, () => {
  it("no email survives", () => {
    fc.assert(
      fc.property(embedded(fc.emailAddress()), ({ token, text }) => {
        const out = redactText(text);
        return !survives(token, out) && !/@[^\s@]*\.[a-z]{2,}/i.test(out);
      }),
      RUNS,
    );
  });

  it("no phone number survives", () => {
    fc.assert(
      fc.property(embedded(phone), ({ token, text }) => {
        const out = redactText(text);
        return !survives(token, out) && !/\d{3}\D{0,2}\d{3}\D{0,2}\d{3}/.test(out);
      }),
      RUNS,
    );
  });

  it("no URL survives", () => {
    fc.assert(
      fc.property(embedded(url), ({ token, text }) => {
        const out = redactText(text);
        return !survives(token, out) && !/https?:\/\/|www\./i.test(out);
      }),
      RUNS,
    );
  });

  it("no handle survives", () => {
    fc.assert(
      fc.property(embedded(handle), ({ token, text }) => {
        const out = redactText(text);
        return !survives(token, out) && !/(^|[^\w])@\w|\bu\/\w/.test(out);
      }),
      RUNS,
    );
  });
});
