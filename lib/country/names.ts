import { UNKNOWN_COUNTRY } from "./index";

/**
 * Countries as people write them in a spreadsheet cell: an ISO 3166-1 alpha-2 code ("gb"), the English name
 * ("United Kingdom", "Côte d'Ivoire") or a common other name ("UK", "USA", "England"). The names come from the
 * runtime's CLDR data (Intl.DisplayNames), so every real country is recognised, not only those with local services.
 */

// Region codes CLDR names that are not countries.
const NOT_COUNTRIES = new Set(["EU", "EZ", "QO", "UN", "XA", "XB", UNKNOWN_COUNTRY]);

// What people write that CLDR does not call the country: alpha-3 codes of the countries with local services,
// the nations of the UK, and short forms. Keys are normalized (see keyOf).
const OTHER_NAMES: Record<string, string> = {
  uk: "GB",
  gbr: "GB",
  britain: "GB",
  "great britain": "GB",
  england: "GB",
  scotland: "GB",
  wales: "GB",
  "northern ireland": "GB",
  usa: "US",
  us: "US",
  america: "US",
  "united states of america": "US",
  can: "CA",
  aus: "AU",
  irl: "IE",
  eire: "IE",
  "republic of ireland": "IE",
  nzl: "NZ",
  aotearoa: "NZ",
  ind: "IN",
  bharat: "IN",
  // An explicit "don't know" is an answer: international services, not an unrecognised value.
  zz: UNKNOWN_COUNTRY,
  unknown: UNKNOWN_COUNTRY,
  other: UNKNOWN_COUNTRY,
  international: UNKNOWN_COUNTRY,
  "somewhere else": UNKNOWN_COUNTRY,
};

/** Lower case, accents, dots and "the" dropped, "&" as "and", spaces collapsed: "The U.S.A." -> "usa". */
function keyOf(value: string): string {
  return value
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[.\u2019']/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .replace(/^the /, "");
}

let known: { byName: Map<string, string>; codes: Set<string> } | null = null;

/** Built once, on first use: 676 look-ups take about a millisecond. */
function countries(): { byName: Map<string, string>; codes: Set<string> } {
  if (known) return known;
  const display = new Intl.DisplayNames(["en"], { type: "region", fallback: "none" });
  const map = new Map<string, string>();
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      if (NOT_COUNTRIES.has(code)) continue;
      // Deprecated codes ("DD", "UK") are named after the code that replaced them: only current codes count.
      if (Intl.getCanonicalLocales(`und-${code}`)[0] !== `und-${code}`) continue;
      const name = display.of(code);
      // Unassigned codes have no name.
      if (!name || name === code || map.has(keyOf(name))) continue;
      map.set(keyOf(name), code);
    }
  }
  known = { byName: map, codes: new Set(map.values()) };
  return known;
}

/**
 * The country a cell names, as an ISO alpha-2 code (any country, with or without local services; "ZZ" when the
 * cell says it is unknown), or null when the cell names no country Lantern recognises. Never throws.
 */
export function parseCountry(value: string): string | null {
  const trimmed = value.trim();
  if (trimmed === "" || trimmed.length > 80) return null;
  const key = keyOf(trimmed);
  if (OTHER_NAMES[key]) return OTHER_NAMES[key];
  if (/^[a-z]{2}$/.test(key)) {
    const code = key.toUpperCase();
    return countries().codes.has(code) ? code : null;
  }
  return countries().byName.get(key) ?? null;
}

/** "Germany" for "DE"; the code itself where the runtime has no name. */
export function countryName(code: string): string {
  if (code === UNKNOWN_COUNTRY) return "Other or unknown";
  try {
    return new Intl.DisplayNames(["en"], { type: "region" }).of(code) ?? code;
  } catch {
    return code;
  }
}
