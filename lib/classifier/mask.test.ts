import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { maskMentions } from "./mask";

const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, "__fixtures__", "mask-cases.json"), "utf8")) as {
  cases: { text: string; masked: string }[];
};

describe("maskMentions", () => {
  it("blanks the same spans as the training side (training/mask.py) on every fixture case", () => {
    expect(fixture.cases.length).toBeGreaterThan(10);
    for (const c of fixture.cases) expect(maskMentions(c.text)).toBe(c.masked);
  });

  it("blanks subreddit names and talk of 'this sub', keeping the text's length", () => {
    const text = "Posted on r/SuicideWatch and /r/depression; this sub and other subreddits helped. SuicideWatch too.";
    const masked = maskMentions(text);
    expect(masked).toHaveLength(text.length);
    expect(masked).not.toMatch(/suicide|depression|sub\b|subreddits/i);
    expect(masked).toContain("Posted on");
    expect(masked).toContain("helped.");
  });

  it("leaves ordinary words alone", () => {
    for (const text of ["a subtle substance, sub-par", "I feel depressed and anxious", "rr/xy r/a submarine"]) {
      expect(maskMentions(text)).toBe(text);
    }
  });
});
