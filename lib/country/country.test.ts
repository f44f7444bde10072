import { describe, expect, it } from "vitest";
import { COUNTRY_OPTIONS, countryFromAcceptLanguage, countrySchema, resolveCountry, UNKNOWN_COUNTRY } from "./index";

describe("countryFromAcceptLanguage", () => {
  it.each([
    ["en-GB,en;q=0.9", "GB"],
    ["en-US", "US"],
    ["fr-CA,fr;q=0.9,en;q=0.8", "CA"],
    ["en;q=0.9,en-AU;q=0.8", "AU"],
    ["de-DE,en-IE;q=0.5", "IE"],
    ["en-UK", "GB"],
    ["zh-Hant-TW,en-NZ;q=0.2", "NZ"],
    ["hi-IN", "IN"],
    ["en", UNKNOWN_COUNTRY],
    ["pt-BR", UNKNOWN_COUNTRY],
    ["", UNKNOWN_COUNTRY],
    [null, UNKNOWN_COUNTRY],
    ["en-US;q=0,en-GB;q=0.1", "GB"],
    ["*;q=garbage,,,;;", UNKNOWN_COUNTRY],
  ])("%s -> %s", (header, expected) => {
    expect(countryFromAcceptLanguage(header)).toBe(expected);
  });
});

describe("resolveCountry", () => {
  it("prefers the user's choice over the browser language", () => {
    expect(resolveCountry("au", "en-GB")).toBe("AU");
    expect(resolveCountry("", "en-GB")).toBe("GB");
    expect(resolveCountry(undefined, "en-CA")).toBe("CA");
  });

  it("turns anything unexpected into unknown, never an error", () => {
    for (const bad of ["BR", "XX", "<script>", "USA", 42, "zz"]) expect(countrySchema.parse(bad)).toBe(UNKNOWN_COUNTRY);
  });

  it("offers every supported country and 'somewhere else' last", () => {
    expect(COUNTRY_OPTIONS.map((c) => c.code)).toEqual(expect.arrayContaining(["US", "GB", "CA", "AU", "IE"]));
    expect(COUNTRY_OPTIONS.at(-1)?.code).toBe(UNKNOWN_COUNTRY);
  });
});
