import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { boundariesOf, postText } from "@/test/support/word-text";
import { groupSpans, splitSentences } from "./sentences";

const texts = (t: string) => splitSentences(t).map((s) => s.text);

describe("splitSentences", () => {
  it("ends sentences at . ! ? … and line breaks, with closing quotes and brackets", () => {
    expect(texts("One. Two!\nThree?")).toEqual(["One.", "Two!", "Three?"]);
    expect(texts('She said "stop." I did (mostly.) Then… nothing')).toEqual(['She said "stop."', "I did (mostly.)", "Then…", "nothing"]);
    expect(texts("Why?! Why me...  \r\n\n  ok")).toEqual(["Why?!", "Why me...", "ok"]);
  });

  it("does not end a sentence at a dot inside a word", () => {
    expect(texts("I took 3.5 pills. It was too many.")).toEqual(["I took 3.5 pills.", "It was too many."]);
    expect(texts("Things e.g. school are hard. I moved to the U.S. last year.")).toEqual(["Things e.g.", "school are hard.", "I moved to the U.S.", "last year."]);
    expect(texts("See www.example.com for more. Bye")).toEqual(["See www.example.com for more.", "Bye"]);
  });

  it("leaves out spans of punctuation alone", () => {
    expect(texts("... !!! \n ?")).toEqual([]);
    expect(texts("...hello")).toEqual(["hello"]);
  });

  // The mark a clinician sees is one of these spans: it must never cut a word.
  it("every span starts and ends on a word boundary, keeps its offsets, and loses no word (property)", () => {
    fc.assert(
      fc.property(postText, (text) => {
        const spans = splitSentences(text);
        const boundaries = boundariesOf(text);
        const segments = [...new Intl.Segmenter("en", { granularity: "word" }).segment(text)];
        const startsAt = new Map(segments.map((w) => [w.index, w.segment]));
        const endsAt = new Map(segments.map((w) => [w.index + w.segment.length, w.segment]));
        let last = 0;
        for (const s of spans) {
          expect(boundaries.has(s.start) && boundaries.has(s.end)).toBe(true);
          expect(s.start).toBeGreaterThanOrEqual(last);
          expect(s.end).toBeGreaterThan(s.start);
          expect(text.slice(s.start, s.end)).toBe(s.text);
          // No blank segment at either end (a space that carries a combining mark is not blank).
          expect(/^\s+$/u.test(startsAt.get(s.start)!) || /^\s+$/u.test(endsAt.get(s.end)!)).toBe(false);
          last = s.end;
        }
        for (const w of segments) {
          if (w.isWordLike) expect(spans.some((s) => s.start <= w.index && w.index + w.segment.length <= s.end)).toBe(true);
        }
        for (const g of groupSpans(text, spans, 3)) expect(boundaries.has(g.start) && boundaries.has(g.end)).toBe(true);
      }),
      { numRuns: 3_000, seed: 20261202 },
    );
  });
});
