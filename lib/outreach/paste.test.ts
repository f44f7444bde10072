import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { prepareFromPaste } from "./prepare";
import { splitPastedPosts } from "./paste";

describe("splitPastedPosts", () => {
  it("splits on blank lines and keeps line breaks inside a post", () => {
    expect(splitPastedPosts("first line\nstill first\n\nsecond\r\n\r\n\r\nthird\n  \t \nfourth\n\n")).toEqual([
      "first line\nstill first",
      "second",
      "third",
      "fourth",
    ]);
  });

  it("gives nothing for blank input", () => {
    expect(splitPastedPosts(" \n\n \t\n")).toEqual([]);
    expect(prepareFromPaste("\n\n").notices).toEqual([expect.objectContaining({ level: "error", code: "empty-input" })]);
  });

  it("numbers pasted posts from 1", () => {
    expect(prepareFromPaste("a\n\nb").posts.map((p) => [p.row, p.text])).toEqual([
      [1, "a"],
      [2, "b"],
    ]);
  });

  it("posts joined by blank lines split back into the same posts (property)", () => {
    const line = fc.string({ minLength: 1, maxLength: 40 }).map((s) => s.replace(/[\r\n]/g, " ").trim()).filter((s) => s.length > 0);
    const post = fc.array(line, { minLength: 1, maxLength: 4 }).map((lines) => lines.join("\n"));
    fc.assert(
      fc.property(fc.array(post, { minLength: 1, maxLength: 20 }), fc.constantFrom("\n\n", "\n\n\n", "\r\n\r\n", "\n \n"), (posts, sep) => {
        expect(splitPastedPosts(posts.join(sep))).toEqual(posts);
      }),
      { numRuns: 2_000, seed: 4 },
    );
  });
});
