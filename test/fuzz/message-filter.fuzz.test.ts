import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { MessageFilter } from "@/lib/ai/filter/message-filter";
import { supportViewOf, supportViewText } from "@/lib/ai/support-view";
import { FUZZ } from "./runs";

// A model's reason with a contact hidden in it, streamed in arbitrary pieces: whatever the digits' separators,
// the dot's spelling or the cut points, no digit and no address reaches the person.
const SEPARATORS = [" ", "-", ".", "·", "\u200b", "\u00a0", "", "／", "\u2009"];
const DOTS = [".", "。", "．", "｡", "·", " dot ", "(dot)", "[.]", "\u2024", "\u30fb"];
const WORDS = ["you", "deserve", "support", "they", "listen", "call", "text", "visit", "the", "line", "today", "and", "now", "kindly", "help"];

// ASCII, full-width, Arabic-Indic and mathematical bold digits.
const digitRun = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 9 }), fc.constantFrom(0x30, 0xff10, 0x660, 0x1d7ce), fc.constantFrom(...SEPARATORS)), { minLength: 3, maxLength: 12 })
  .map((parts) => parts.map(([d, zero, s]) => `${String.fromCodePoint(zero + d)}${s}`).join(""));
const domain = fc
  .tuple(fc.stringMatching(/^[a-z]{3,10}$/), fc.constantFrom(...DOTS), fc.stringMatching(/^[a-z]{2,8}$/))
  .map(([name, dot, tld]) => `${name}${dot}${tld}`);
const sentence = fc.array(fc.constantFrom(...WORDS), { minLength: 2, maxLength: 8 }).map((w) => `${w.join(" ")}.`);

describe("message filter under hostile streaming", () => {
  it("lets no digit or address through, however the reason is cut", { timeout: 600_000 }, () => {
    fc.assert(
      fc.property(
        fc.array(sentence, { minLength: 1, maxLength: 4 }),
        fc.oneof(digitRun, domain),
        fc.nat(),
        fc.array(fc.nat(), { maxLength: 12 }),
        (sentences, contact, at, cuts) => {
          const words = sentences.join(" ").split(" ");
          words.splice(at % (words.length + 1), 0, contact);
          const why = words.join(" ");
          const filter = new MessageFilter({ allowedIds: ["us-988-call-text"], knownNames: [] });
          const events = [...filter.update({ picks: [{ id: "us-988-call-text", why: "" }] }, false)];
          for (const cut of [...cuts.map((c) => c % (why.length + 1))].sort((a, b) => a - b)) {
            events.push(...filter.update({ picks: [{ id: "us-988-call-text", why: why.slice(0, cut) }] }, false));
          }
          events.push(...filter.update({ picks: [{ id: "us-988-call-text", why }] }, true));
          const shown = supportViewText(supportViewOf(events));
          expect(shown).not.toMatch(/\p{N}/u);
          expect(shown.toLowerCase()).not.toMatch(/[\p{L}\p{N}][.。．｡·\u2024\u30fb][\p{L}\p{N}]|\bdot\b|\[\.\]/u);
        },
      ),
      { seed: FUZZ.seed, numRuns: FUZZ.numRuns },
    );
  });
});
