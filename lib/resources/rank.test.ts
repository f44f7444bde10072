import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { rankResources, contactMethods, USER_AUDIENCES, PREFERENCES, type RankInput } from "./rank";
import { getResource } from "./directory";
import { TIERS } from "@/lib/assessment/vocabulary";

const ids = (input: RankInput) => rankResources(input).map((r) => r.resource.id);
const none = { depression: 0, anxiety: 0, bipolar: 0, suicidal: 0 };

describe("rankResources", () => {
  it("puts an always-open crisis line first when risk is high", () => {
    const ranked = rankResources({ conditions: { ...none, suicidal: 0.93 }, tier: "crisis", country: "US" });
    expect(ranked[0]?.resource.id).toBe("us-988-call-text");
    expect(ranked[0]?.resource.kind).toBe("crisis_line");
    expect(ranked[0]?.reason).toContain("open right now");
  });

  it("only shows entries that serve the country (or work anywhere)", () => {
    for (const country of ["US", "GB", "AU", "IN", "BR"]) {
      for (const r of rankResources({ conditions: { ...none, depression: 0.8 }, tier: "elevated", country, limit: 10 })) {
        expect(r.resource.countries.includes(country) || r.resource.countries.includes("INTL"), `${r.resource.id} for ${country}`).toBe(true);
      }
    }
  });

  it("falls back to international directories for a country without local lines", () => {
    const list = ids({ conditions: { ...none, suicidal: 0.9 }, tier: "crisis", country: "BR" });
    expect(list).toContain("intl-findahelpline");
  });

  it("shows group-specific lines only to people who said they belong to the group", () => {
    const without = ids({ conditions: { ...none, suicidal: 0.9 }, tier: "crisis", country: "US", limit: 10 });
    expect(without).not.toContain("us-veterans-crisis-line");
    expect(without).not.toContain("us-trevor-project");

    const veteran = rankResources({ conditions: { ...none, suicidal: 0.9 }, tier: "crisis", country: "US", audiences: ["veterans"] });
    expect(veteran.map((r) => r.resource.id).slice(0, 2)).toContain("us-veterans-crisis-line");
    expect(veteran.find((r) => r.resource.id === "us-veterans-crisis-line")?.reason).toContain("made for veterans");

    const lgbtqYouth = ids({ conditions: { ...none, depression: 0.7 }, tier: "elevated", country: "US", audiences: ["lgbtq", "youth"] });
    expect(lgbtqYouth[0]).toBe("us-trevor-project");
  });

  it("follows the preferred way of reaching out", () => {
    const texting = rankResources({ conditions: { ...none, anxiety: 0.8 }, tier: "elevated", country: "GB", preferences: ["text"] });
    expect(contactMethods(texting[0]!.resource)).toContain("text");
    expect(texting[0]!.reason).toContain("texting");

    const calling = rankResources({ conditions: { ...none, anxiety: 0.8 }, tier: "elevated", country: "GB", preferences: ["call"] });
    expect(contactMethods(calling[0]!.resource)).toContain("call");
  });

  it("leans to learning and peer support when risk is low", () => {
    const low = rankResources({ conditions: { ...none, bipolar: 0.6 }, tier: "low", country: "US" });
    expect(low[0]?.resource.kind).not.toBe("crisis_line");
    expect(low.map((r) => r.resource.id)).toContain("us-nimh-bipolar");
  });

  it("keeps the country's first crisis line in the list when risk is high, even for a narrow case", () => {
    const list = ids({ conditions: { ...none, bipolar: 0.99 }, tier: "crisis", country: "GB", audiences: ["youth"], preferences: ["chat"], limit: 3 });
    expect(list).toContain("gb-ie-samaritans");
  });

  it("is deterministic, bounded, and every result has a reason and exists in the directory", () => {
    const input = fc.record({
      conditions: fc.record({
        depression: fc.double({ min: 0, max: 1, noNaN: true }),
        anxiety: fc.double({ min: 0, max: 1, noNaN: true }),
        bipolar: fc.double({ min: 0, max: 1, noNaN: true }),
        suicidal: fc.double({ min: 0, max: 1, noNaN: true }),
      }),
      tier: fc.constantFrom(...TIERS),
      country: fc.constantFrom("US", "CA", "GB", "IE", "AU", "NZ", "IN", "FR", "BR"),
      audiences: fc.subarray([...USER_AUDIENCES]),
      preferences: fc.subarray([...PREFERENCES]),
      limit: fc.integer({ min: 1, max: 10 }),
    });
    fc.assert(
      fc.property(input, (i) => {
        const a = rankResources(i);
        expect(rankResources(i)).toEqual(a);
        expect(a.length).toBeLessThanOrEqual(i.limit);
        expect(a.length).toBeGreaterThan(0);
        for (const r of a) {
          expect(getResource(r.resource.id)).toBe(r.resource);
          expect(r.reason.length).toBeGreaterThan(3);
        }
        expect(new Set(a.map((r) => r.resource.id)).size).toBe(a.length);
      }),
      { numRuns: 300 },
    );
  });

  it("rejects malformed criteria", () => {
    expect(() => rankResources({ conditions: { ...none, suicidal: 2 }, tier: "crisis" })).toThrow();
    expect(() => rankResources({ conditions: none, tier: "severe" as never })).toThrow();
    expect(() => rankResources({ conditions: none, tier: "low", country: "USA" })).toThrow();
  });
});
