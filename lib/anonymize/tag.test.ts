import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { entitySpans, tagDoc, tagDocFull } from "./tag.mjs";
import { knownFullParseMistake, spansNotIn } from "./tag-audit.mjs";

// tagDoc skips compromise's rule sweep for sentences that cannot hold a name or a place. It must find everything
// the full parse finds, but for the full parse's own known mistakes, and nothing more.
function compare(text: string) {
  const fast = entitySpans(text, tagDoc(text));
  const full = entitySpans(text, tagDocFull(text));
  const missed = spansNotIn(full, fast);
  return { fast, full, extra: spansNotIn(fast, full), unexplained: missed.filter((s) => !knownFullParseMistake(text, s)), missed };
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

  // The real corpus, when it sits beside the repository (always in CI): 300 dev posts, read in place.
  const dev = path.resolve(process.cwd(), "../shared/data/reddit-mh/dev.jsonl");
  it.runIf(existsSync(dev))("on 300 real posts, finds every name and place the full parse finds but its known mistakes, and no more", () => {
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
