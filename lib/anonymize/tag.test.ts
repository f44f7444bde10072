import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { entitySpans, tagDoc, tagDocFull } from "./tag";
import { judgeShortcut } from "../../scripts/lib/tag-audit";
import { sentenceMayHoldEntity } from "./sentence-clues";

// tagDoc skips compromise's rule sweep for sentences that cannot hold a name or a place. It must find everything
// the full parse finds, but for the full parse's own known mistakes, and nothing more.
function compare(text: string) {
  const fast = entitySpans(text, tagDoc(text));
  const full = entitySpans(text, tagDocFull(text));
  return { fast, full, ...judgeShortcut(text, fast, full) };
}

const shown = (text: string, spans: { start: number; end: number }[]) => spans.map((s) => text.slice(s.start, s.end));

const TRICKY = [
  "My sister Jordan Miles drove me to Springfield, Illinois last week.",
  "I told Dr. Patel at the clinic on Main Street in Leeds, England that I can't sleep.",
  "my friend sarah says i should talk to someone. jake agrees.",
  "Xandria told me to call. Then Okonkwo-Baptiste came over.",
  "I was the 3rd child of 4, living at 12 Elm drive.",
  "Will you come in May? April said she would. Paris is far from Jordan.",
  "I'm tired. I've tried. I'll keep going. I'd like to stop.",
  "went to NYC and LA then back home to Ohio",
  "we drove from fort worth to smallville. josé came too. i talked to sarah and joy.",
  "Mayfield hospital was full. I went to a town I've always loved.",
  "",
  "a.".repeat(500),
];

describe("tagDoc (the anonymizer's tagger)", () => {
  it.each(TRICKY)("finds the same people and places as compromise's full parse: %s", (text) => {
    const { fast, full } = compare(text);
    expect(fast).toEqual(full);
  });

  it("leaves out the full parse's known mistakes, and nothing else, in sentences it does not sweep", () => {
    const text = "She was the first person I told. It is a four hour drive. Then Maria called from Leeds.";
    const { fast, full, extra, unexplained, missed } = compare(text);
    expect(shown(text, missed)).toEqual(expect.arrayContaining(["first person"])); // the full parse's "[name] I told"
    expect(extra).toEqual([]);
    expect(unexplained).toEqual([]);
    expect(shown(text, fast)).toEqual(expect.arrayContaining(["Maria", "Leeds"]));
    expect(full.length).toBeGreaterThan(fast.length);
  });

  it("points at the post's own words after an emoticon (compromise's own offsets had drifted by a character)", () => {
    const text = "Thanks all, much love <3\n\nMy name is Daniel, I live in Toronto.";
    expect(shown(text, entitySpans(text, tagDoc(text)))).toEqual(["Daniel", "Toronto"]);
  });

  // The real corpus, when it sits beside the repository (always in CI): 300 dev posts, read in place.
  const dev = path.resolve(process.cwd(), "../shared/data/reddit-mh/dev.jsonl");
  // Two parses of 300 posts, one of them compromise's full (slow) parse: 19 s measured on the 2-core dev machine
  // under a load of 9 (a training job and other test runs), so the default 30 s leaves no headroom.
  it.runIf(existsSync(dev))("on 300 real posts, finds every name and place the full parse finds but its known mistakes, and no more", { timeout: 120_000 }, () => {
    const posts = readFileSync(dev, "utf8")
      .split("\n")
      .filter(Boolean)
      .slice(0, 300)
      .map((l) => (JSON.parse(l) as { text: string }).text);
    let withEntities = 0;
    for (const text of posts) {
      const { full, extra, unexplained } = compare(text);
      expect(extra).toEqual([]);
      expect(shown(text, unexplained)).toEqual([]);
      if (full.length > 0) withEntities++;
    }
    expect(withEntities).toBeGreaterThan(10); // the sample does exercise names and places
  });
});

describe("sentenceMayHoldEntity (which sentences compromise reads at all)", () => {
  it.each([
    "i feel so tired and i can't sleep anymore.",
    "I'm tired. I've tried, I'll keep going and I'd like to stop.",
    "Nothing helps, not even my meds.",
    "we have been together for 3 years and it's a 45 minute drive.",
  ])("leaves out a sentence with no clue: %s", (sentence) => {
    expect(sentenceMayHoldEntity(sentence)).toBe(false);
  });

  it.each([
    ["a capital after the first word", "then i told Maria everything."],
    ["a name in compromise's lexicon, lower case", "i told sarah everything."],
    ["a word that is sometimes a name", "i talked to joy about it."],
    ["a multi-word place", "we moved to fort worth last year."],
    ["a multi-word name, through a contraction", "has anyone dated a doctor who's in residency?"],
    ["an ending compromise reads as a town", "we moved to smallville last year."],
    ["an accented letter", "josé said it would pass."],
    ["a capitalised first word before a place word", "Mayfield hospital was full."],
    ["a place word before a capital I've", "going to a town I've always loved."],
    ["an honorific", "the dr said it was fine."],
  ])("reads a sentence with %s", (_clue, sentence) => {
    expect(sentenceMayHoldEntity(sentence)).toBe(true);
  });
});
