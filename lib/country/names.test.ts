import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { UNKNOWN_COUNTRY } from "./index";
import { countryName, parseCountry } from "./names";

describe("parseCountry", () => {
  it.each([
    ["GB", "GB"],
    ["gb", "GB"],
    [" us ", "US"],
    ["UK", "GB"],
    ["U.K.", "GB"],
    ["United Kingdom", "GB"],
    ["england", "GB"],
    ["The United States", "US"],
    ["U.S.A.", "US"],
    ["United States of America", "US"],
    ["canada", "CA"],
    ["CAN", "CA"],
    ["Ireland", "IE"],
    ["Republic of Ireland", "IE"],
    ["New Zealand", "NZ"],
    ["india", "IN"],
    ["Australia", "AU"],
    // Countries without local services are still countries: they get the international ones, not a warning.
    ["Germany", "DE"],
    ["de", "DE"],
    ["Côte d’Ivoire", "CI"],
    ["cote d'ivoire", "CI"],
    ["Bosnia & Herzegovina", "BA"],
    ["unknown", UNKNOWN_COUNTRY],
    ["ZZ", UNKNOWN_COUNTRY],
  ])("%j -> %s", (cell, code) => {
    expect(parseCountry(cell)).toBe(code);
  });

  it.each(["", "   ", "Narnia", "XX", "EU", "European Union", "United Nations", "12", "<script>", "the", "a".repeat(200)])(
    "%j is not a country",
    (cell) => {
      expect(parseCountry(cell)).toBeNull();
    },
  );

  it("never throws and returns a two-letter code or null for any text (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 40 }), (cell) => {
        const code = parseCountry(cell);
        expect(code === null || /^[A-Z]{2}$/.test(code)).toBe(true);
      }),
      { numRuns: 2_000, seed: 20261202 },
    );
  });

  it("reads back every name it writes", () => {
    for (const code of ["GB", "US", "CA", "AU", "IE", "NZ", "IN", "DE", "BR", "JP"]) expect(parseCountry(countryName(code))).toBe(code);
  });
});
