import { describe, expect, it } from "vitest";
import { loadCases, score } from "./score";

// The bars of issue 19 on the labelled sentences (`npm run eval:anonymize` prints the table).
describe("the anonymizer on the labelled sentences", () => {
  const cases = loadCases();

  it("has at least 400 sentences with identifiers and 100 without", () => {
    expect(cases.filter((c) => c.spans.length > 0).length).toBeGreaterThanOrEqual(400);
    expect(cases.filter((c) => c.spans.length === 0).length).toBeGreaterThanOrEqual(100);
  });

  it("labels spans that lie inside their sentence", () => {
    for (const c of cases) for (const s of c.spans) expect(s.start >= 0 && s.end <= c.text.length && s.start < s.end, c.id).toBe(true);
  });

  it("meets every bar: recall per group, precision, meaning words kept", () => {
    const result = score(cases);
    for (const g of result.groups) expect(g.recall, g.name).toBeGreaterThanOrEqual(g.bar);
    expect(result.precision.value).toBeGreaterThanOrEqual(result.precision.bar);
    expect(result.meaningWordsKept.value).toBeGreaterThanOrEqual(result.meaningWordsKept.bar);
  }, 120_000);
});
