import { CONDITIONS, type Tier } from "@/lib/assessment/vocabulary";
import { describe, expect, it } from "vitest";
import { getResource } from "@/lib/resources/directory";
import { crisisLinesFor } from "@/lib/resources/crisis";
import { chunkPosts } from "./chunks";
import { OUTREACH_LIMITS } from "./config";
import { replyTemplate } from "./reply";
import { resourcesFor } from "./resources";
import { sortByRisk } from "./sort";
import { type TriageResult } from "./types";

function result(tier: Tier, p: Partial<TriageResult["probabilities"]>): TriageResult {
  const probabilities = { depression: 0, anxiety: 0, bipolar: 0, suicidal: 0, ...p };
  const labels = CONDITIONS.filter((l) => probabilities[l] >= 0.5);
  const top = [...CONDITIONS].sort((a, b) => probabilities[b] - probabilities[a])[0]!;
  return { probabilities, labels, topLabel: probabilities[top] >= 0.5 ? top : "none", confidence: "moderate", tier, tierReason: { words: null, model: { tier, condition: top, score: probabilities[top], threshold: 0.5 } }, resources: [] };
}

describe("sortByRisk", () => {
  it("puts crisis first, then unclassified rows, then elevated and low; by suicidal score, top score, then row", () => {
    const rows = [
      { row: 1, result: result("low", { anxiety: 0.2 }) },
      { row: 2, result: result("elevated", { depression: 0.7 }) },
      { row: 3, result: result("crisis", { suicidal: 0.7 }) },
      { row: 4, failed: true },
      { row: 5, result: result("crisis", { suicidal: 0.95 }) },
      { row: 6, result: result("elevated", { depression: 0.9 }) },
      { row: 7, result: result("elevated", { depression: 0.9 }) },
      { row: 8, result: result("elevated", { anxiety: 0.6, suicidal: 0.3 }) },
    ];
    expect(sortByRisk(rows).map((r) => r.row)).toEqual([5, 3, 4, 8, 6, 7, 2, 1]);
  });
});

describe("replyTemplate", () => {
  const cases: TriageResult[] = [
    result("crisis", { suicidal: 0.9 }),
    result("elevated", { depression: 0.8 }),
    result("elevated", { anxiety: 0.8 }),
    result("elevated", { bipolar: 0.8 }),
    result("low", {}),
  ];

  it("never carries contact details, diagnoses or alarming words", () => {
    for (const r of cases) {
      const text = replyTemplate(r);
      expect(text).not.toMatch(/\d{3}|https?:|www\.|@|\.(org|com|uk)\b/i);
      expect(text).not.toMatch(/you have (depression|anxiety|bipolar)|diagnos|disorder/i);
      // Cost, hours and confidentiality differ per service: only the directory entry may say them.
      expect(text).not.toMatch(/\bfree\b|24\/7|confidential|anonymous/i);
      expect(text.length).toBeLessThan(600);
    }
  });

  it("points to crisis lines for the crisis tier and not otherwise", () => {
    expect(replyTemplate(cases[0]!)).toMatch(/crisis lines listed below/);
    expect(replyTemplate(cases[1]!)).not.toMatch(/crisis/);
  });
});

describe("resourcesFor", () => {
  const ids = (tier: Tier, p: Partial<TriageResult["probabilities"]>, country: string) =>
    resourcesFor({ tier, probabilities: result(tier, p).probabilities, country }).map((r) => r.id);

  it("includes the country's first crisis line for the crisis tier", () => {
    for (const country of ["US", "GB", "AU", "IN"]) {
      expect(ids("crisis", { suicidal: 0.9 }, country)).toContain(crisisLinesFor(country)[0]!.id);
    }
  });

  it("only gives verified entries for the country or international ones, at most four", () => {
    for (const country of ["US", "GB", "AU", "IN", ""]) {
      for (const label of CONDITIONS) {
        const list = ids("elevated", { [label]: 0.8 }, country);
        expect(list.length).toBeGreaterThan(0);
        expect(list.length).toBeLessThanOrEqual(4);
        for (const id of list) {
          const r = getResource(id);
          expect(r, id).toBeDefined();
          expect(r!.countries.includes("INTL") || r!.countries.includes(country)).toBe(true);
          // No audience is known from a batch: nothing made for a specific group.
          expect(r!.audiences).toContain("all");
        }
      }
    }
  });
});

describe("chunkPosts", () => {
  it("makes chunks of at most chunkSize posts", () => {
    const posts = Array.from({ length: 60 }, (_, i) => ({ text: `post ${i}` }));
    expect(chunkPosts(posts).map((c) => c.length)).toEqual([25, 25, 10]);
  });

  it("splits chunks of long non-ASCII posts under the byte limit, keeping order and every post", () => {
    const long = "é😊\u0001".repeat(2_500).slice(0, OUTREACH_LIMITS.maxPostChars);
    const posts = Array.from({ length: 25 }, (_, i) => ({ text: `${i}${long}`.slice(0, OUTREACH_LIMITS.maxPostChars) }));
    const chunks = chunkPosts(posts);
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) expect(new TextEncoder().encode(JSON.stringify(c.map((p) => p.text))).length).toBeLessThan(OUTREACH_LIMITS.maxChunkBytes + 100);
    expect(chunks.flat()).toEqual(posts);
  });
});
