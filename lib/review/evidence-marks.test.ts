import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { boundariesOf, postText } from "@/test/support/word-text";
import { evidenceParts, type EvidenceQuote } from "./evidence-marks";

const marks = (text: string, evidence: EvidenceQuote[]) => evidenceParts(text, evidence).filter((p) => p.marked).map((p) => p.text);

describe("evidenceParts", () => {
  it("marks a sentence where it stands as whole words, not inside a longer word", () => {
    expect(marks("I feel so helpless. Help", [{ sentence: "Help" }])).toEqual(["Help"]);
    expect(marks("Everything is pointless. No point", [{ sentence: "point" }])).toEqual(["point"]);
    // Found only inside other words: nothing is marked rather than half a word.
    expect(marks("I feel so helpless.", [{ sentence: "help" }])).toEqual([]);
  });

  it("widens a stored range that cuts a word to whole words", () => {
    const text = "I took 3.5 pills yesterday.";
    expect(marks(text, [{ sentence: "(not in the text)", start: 9, end: 18 }])).toEqual(["3.5 pills yesterday"]);
    expect(marks(text, [{ sentence: "", start: 3, end: 5 }])).toEqual(["took"]);
    expect(marks(text, [{ sentence: "x", start: 5, end: 99 }])).toEqual([]);
  });

  it("keeps every character once, in order, with overlapping sentences marked once", () => {
    const text = "Nothing feels worth it lately and I can't sleep. I am tired.";
    const parts = evidenceParts(text, [{ sentence: "I can't sleep." }, { sentence: "Nothing feels worth it lately and I can't sleep." }, { sentence: "I am tired." }]);
    expect(parts.map((p) => p.text).join("")).toBe(text);
    expect(parts.filter((p) => p.marked).map((p) => p.text)).toEqual(["Nothing feels worth it lately and I can't sleep.", "I am tired."]);
  });

  it("every mark starts and ends on a word boundary, whatever the quotes and offsets (property)", () => {
    const quote = (text: string) =>
      fc.oneof(
        // a stretch of the text at any offsets, with or without its offsets stored
        fc.tuple(fc.nat(text.length), fc.nat(text.length), fc.boolean()).map(([a, b, withOffsets]) => {
          const [start, end] = [Math.min(a, b), Math.max(a, b)];
          return withOffsets ? { sentence: text.slice(start, end), start, end } : { sentence: text.slice(start, end) };
        }),
        // a quote the text does not hold as written (anonymized differently), with offsets that may cut words
        fc.tuple(postText, fc.integer({ min: -2, max: text.length + 2 }), fc.integer({ min: -2, max: text.length + 2 })).map(([sentence, start, end]) => ({ sentence, start, end })),
      );
    fc.assert(
      fc.property(
        postText.chain((text) => fc.tuple(fc.constant(text), fc.array(quote(text), { maxLength: 4 }))),
        ([text, evidence]) => {
          const parts = evidenceParts(text, evidence);
          expect(parts.map((p) => p.text).join("")).toBe(text);
          const boundaries = boundariesOf(text);
          let at = 0;
          for (const p of parts) {
            if (p.marked) expect(boundaries.has(at) && boundaries.has(at + p.text.length)).toBe(true);
            at += p.text.length;
          }
        },
      ),
      { numRuns: 3_000, seed: 20261202 },
    );
  });
});
