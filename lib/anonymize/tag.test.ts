import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { entitySpans, tagDoc, tagDocFull } from "./tag.mjs";

// tagDoc skips compromise's rule sweep for sentences that cannot hold a name or a place; it must find exactly
// what the full parse finds.
const same = (text: string) => expect(entitySpans(text, tagDoc(text))).toEqual(entitySpans(text, tagDocFull(text)));

const TRICKY = [
  "My sister Jordan Miles drove me to Springfield, Illinois last week.",
  "I told Dr. Patel at the clinic on Main Street in Leeds, England that I can't sleep.",
  "my friend sarah says i should talk to someone. jake agrees.",
  "Xandria told me to call. Then Okonkwo-Baptiste came over.",
  "I was the first person there, the 3rd child of 4, living at 12 Elm drive.",
  "Will you come in May? April said she would. Paris is far from Jordan.",
  "I'm tired. I've tried. I'll keep going. I'd like to stop.",
  "went to NYC and LA then back home to Ohio",
  "",
  "a.".repeat(500),
];

describe("tagDoc (the anonymizer's tagger)", () => {
  it.each(TRICKY)("finds the same people and places as compromise's full parse: %s", (text) => same(text));

  // The real corpus, when it sits beside the repository (always in CI): 300 dev posts, read in place.
  const dev = path.resolve(process.cwd(), "../shared/data/reddit-mh/dev.jsonl");
  it.runIf(existsSync(dev))("finds the same people and places as the full parse on 300 real posts", () => {
    const posts = readFileSync(dev, "utf8")
      .split("\n")
      .filter(Boolean)
      .slice(0, 300)
      .map((l) => (JSON.parse(l) as { text: string }).text);
    let withEntities = 0;
    for (const text of posts) {
      const full = entitySpans(text, tagDocFull(text));
      expect(entitySpans(text, tagDoc(text))).toEqual(full);
      if (full.length > 0) withEntities++;
    }
    expect(withEntities).toBeGreaterThan(10); // the sample does exercise names and places
  });
});
