import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { redactText } from "@/lib/anonymize";
import { FUZZ } from "./runs";

// Complements lib/anonymize's own properties (one identifier at a time): IP addresses in every spelling,
// all kinds of identifier in one post, readability of what remains, and arbitrary Unicode input.

const octet = fc.nat(255).map(String);
const ipv4 = fc.tuple(octet, octet, octet, octet).map((p) => p.join("."));
const hextet = fc.nat(0xffff).map((n) => n.toString(16));
const ipv6 = fc.oneof(
  fc.array(hextet, { minLength: 8, maxLength: 8 }).map((g) => g.join(":")),
  fc.tuple(fc.array(hextet, { minLength: 1, maxLength: 3 }), fc.array(hextet, { minLength: 1, maxLength: 3 })).map(([a, b]) => `${a.join(":")}::${b.join(":")}`),
  ipv4.map((v4) => `::ffff:${v4}`),
  hextet.map((h) => `fe80::${h}:ff:fe00:1`),
);

// Plain words a post is made of; the tagger should never take them for a name or a place.
const PLAIN = ["i", "feel", "so", "tired", "alone", "today", "cannot", "sleep", "anymore", "nobody", "listens", "please", "help", "scared", "work", "night", "again", "and", "really", "hurts"];
const plain = fc.constantFrom(...PLAIN);
const words = fc.array(plain, { minLength: 1, maxLength: 6 }).map((w) => w.join(" "));
const sep = fc.constantFrom(" ", "\n", ", ", " (", ") ", ": ", "\t", " - ");

const email = fc.emailAddress();
const phone = fc.tuple(fc.integer({ min: 200, max: 999 }), fc.integer({ min: 200, max: 999 }), fc.integer({ min: 1000, max: 9999 })).map(([a, b, c]) => `(${a}) ${b}-${c}`);
const url = fc.webUrl({ withQueryParameters: true });
const handle = fc.oneof(fc.stringMatching(/^[A-Za-z0-9_]{3,15}$/).map((n) => `@${n}`), fc.stringMatching(/^[A-Za-z0-9_-]{3,20}$/).map((n) => `u/${n}`));
const identifier = fc.oneof(
  email.map((v) => ({ kind: "email", v })),
  phone.map((v) => ({ kind: "phone", v })),
  url.map((v) => ({ kind: "url", v })),
  handle.map((v) => ({ kind: "handle", v })),
  ipv4.map((v) => ({ kind: "ipv4", v })),
  ipv6.map((v) => ({ kind: "ipv6", v })),
);

const IPV4_SHAPE = /(?<![\d.])\d{1,3}(?:\.\d{1,3}){3}(?![\d.])/;
const IPV6_SHAPE = /(?<![0-9a-f:])[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}(?![0-9a-f:])/i;
// Anything that still reads as an address after redaction: three dotted numbers left behind count too.
const IPV4_REMNANT = /\d{1,3}\.\d{1,3}\.\d{1,3}/;

describe("anonymize fuzzing", { timeout: 600_000 }, () => {
  it("no IPv4 or IPv6 address survives, in any of its spellings, nor a recognisable part of one", () => {
    fc.assert(
      fc.property(words, sep, fc.oneof(ipv4, ipv6), sep, words, (a, s1, ip, s2, b) => {
        const out = redactText(`${a}${s1}${ip}${s2}${b}`);
        return !out.includes(ip) && !IPV4_SHAPE.test(out) && !IPV4_REMNANT.test(out) && !IPV6_SHAPE.test(out);
      }),
      FUZZ,
    );
  });

  it("a post mixing every kind of identifier loses all of them and keeps every plain word, in order", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(words, sep, identifier, sep), { minLength: 1, maxLength: 5 }), words, (parts, tail) => {
        const text = parts.map(([w, s1, id, s2]) => `${w}${s1}${id.v}${s2}`).join("") + tail;
        const out = redactText(text);
        for (const [, , id] of parts) if (out.includes(id.v)) return false;
        // Readability: exactly the plain words that were written are still there, in the same order
        // (placeholders such as "[email]" are not plain words).
        const written = [...parts.map(([w]) => w), tail].join(" ").split(" ");
        const kept = out.split(/[^a-z]+/).filter((w) => PLAIN.includes(w));
        return kept.join(" ") === written.join(" ");
      }),
      FUZZ,
    );
  });

  it("any Unicode text (up to 2,000 characters, all planes, controls, lone surrogates) comes back as a string without throwing", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary", maxLength: 2_000 }), fc.string({ unit: "grapheme", maxLength: 500 })), (text) => {
        const out = redactText(text);
        return typeof out === "string";
      }),
      FUZZ,
    );
  });

  it("a 100,000-character post is anonymized in linear time (no regex blow-up)", () => {
    const bodies = ["a".repeat(100_000), "@".repeat(100_000), "1.".repeat(50_000), "http://" + "a".repeat(99_990), "x@".repeat(50_000), "1:".repeat(50_000)];
    for (const body of bodies) {
      const started = performance.now();
      redactText(body);
      expect(performance.now() - started).toBeLessThan(5_000);
    }
  });
});
