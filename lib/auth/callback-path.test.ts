import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sameOriginPath, safeCallbackPath } from "./callback-path";

// What a browser would do with the path: resolve it against the site, after stripping tabs and newlines as the
// URL parser does. Whatever safeCallbackPath returns must stay on the site under that reading too.
const BASE = "http://127.0.0.1:3100";
const browserOrigin = (p: string) => new URL(p, BASE).origin;

const HOSTILE = [
  "https://evil.example/steal",
  "//evil.example",
  "/\t/evil.example",
  "/\t\\evil.example",
  "/\n/evil.example",
  "/\r\n/evil.example",
  "/\\evil.example",
  "\\\\evil.example",
  "/\\/evil.example",
  "/%09/evil.example",
  "/%5Cevil.example",
  "/\u0000/evil.example",
  "/\u007f/evil.example",
  "\t//evil.example",
  " //evil.example",
  "javascript:alert(1)",
  "/review\n",
  "http:/evil.example",
  "https:evil.example",
  "/.//evil.example",
  "",
];

describe("safeCallbackPath", () => {
  it("keeps same-site paths with their query and fragment", () => {
    expect(safeCallbackPath("/review")).toBe("/review");
    expect(safeCallbackPath("/review/abc?tab=notes#n1")).toBe("/review/abc?tab=notes#n1");
    expect(safeCallbackPath("/review/../admin")).toBe("/admin");
  });

  it("never yields a path a browser would take off the site, and never a control character", () => {
    for (const p of HOSTILE) {
      const out = safeCallbackPath(p);
      expect(browserOrigin(out), JSON.stringify(p)).toBe(BASE);
      expect(out, JSON.stringify(p)).not.toMatch(/[\u0000-\u001f\u007f\\]/);
      expect(out.startsWith("//"), JSON.stringify(p)).toBe(false);
    }
    // The ones the issue reproduced fall back to the start page.
    expect(safeCallbackPath("/\t/evil.example")).toBe("/");
    expect(safeCallbackPath("/\t\\evil.example")).toBe("/");
    expect(safeCallbackPath("/\n")).toBe("/");
  });

  it("holds for any string built from the characters that matter (property, 10,000 cases)", () => {
    const piece = fc.constantFrom("/", "\\", "\t", "\n", "\r", ".", "%09", "%2F", "%5C", "evil.example", "@", ":", "?", "#", " ", "\u3000", "http:", "review");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }).map((parts) => parts.join("")), (p) => {
        const out = safeCallbackPath(p);
        return browserOrigin(out) === BASE && !/[\u0000-\u001f\u007f\\]/.test(out) && !out.startsWith("//");
      }),
      { numRuns: 10_000, seed: Number(process.env.FUZZ_SEED ?? 20261125) },
    );
  });

  it("refuses anything but a string", () => {
    expect(safeCallbackPath(undefined)).toBe("/");
    expect(safeCallbackPath(null)).toBe("/");
    expect(safeCallbackPath("/x".repeat(2_000))).toBe("/");
  });
});

describe("sameOriginPath (Auth.js's redirect callback)", () => {
  it("turns same-origin absolute URLs into paths and refuses other origins", () => {
    expect(sameOriginPath(`${BASE}/review?x=1`, BASE)).toBe("/review?x=1");
    expect(sameOriginPath("/signin", BASE)).toBe("/signin");
    expect(sameOriginPath("http://127.0.0.1:3101/review", BASE)).toBeNull();
    expect(sameOriginPath("//evil.example/x", BASE)).toBeNull();
    expect(sameOriginPath("/\t/evil.example", BASE)).toBeNull();
    expect(sameOriginPath("/x", "not a url")).toBeNull();
  });
});
