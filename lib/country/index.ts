import { z } from "zod";
import { SUPPORTED_COUNTRIES } from "@/lib/resources/crisis";

/**
 * The person's country decides which crisis lines they see. It comes from their choice on the form; until they
 * choose, from the browser's Accept-Language region (en-GB -> GB). Countries without their own lines, and
 * unknown ones, are "ZZ" (ISO's code for "unknown"), which shows the international directories.
 */
export const UNKNOWN_COUNTRY = "ZZ";

const NAMES: Record<string, string> = {
  US: "United States",
  GB: "United Kingdom",
  CA: "Canada",
  AU: "Australia",
  IE: "Ireland",
  NZ: "New Zealand",
  IN: "India",
};

export const COUNTRY_OPTIONS: readonly { code: string; name: string }[] = [
  ...SUPPORTED_COUNTRIES.map((code) => ({ code, name: NAMES[code] ?? code })).sort((a, b) => a.name.localeCompare(b.name)),
  { code: UNKNOWN_COUNTRY, name: "Somewhere else" },
];

const supported = new Set(SUPPORTED_COUNTRIES);

function normalize(code: string): string {
  const upper = code.toUpperCase();
  const fixed = upper === "UK" ? "GB" : upper;
  return supported.has(fixed) ? fixed : UNKNOWN_COUNTRY;
}

/** What the form may send: a supported code or ZZ; anything else is treated as unknown, never as an error. */
export const countrySchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{2}$/)
  .transform(normalize)
  .catch(UNKNOWN_COUNTRY);

/** Highest-weighted language tag with a region we have lines for; "en-GB,en;q=0.9" -> "GB". */
export function countryFromAcceptLanguage(header: string | null | undefined): string {
  if (!header) return UNKNOWN_COUNTRY;
  const tags = header
    .slice(0, 500)
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((t) => t.tag && t.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { tag } of tags) {
    // language[-script][-REGION]: the region is the 2-letter subtag after the language.
    const region = tag.split(/[-_]/).slice(1).find((s) => /^[A-Za-z]{2}$/.test(s));
    if (region) {
      const code = normalize(region);
      if (code !== UNKNOWN_COUNTRY) return code;
    }
  }
  return UNKNOWN_COUNTRY;
}

/** The user's choice when they made one, else the Accept-Language default. */
export function resolveCountry(choice: unknown, acceptLanguage: string | null | undefined): string {
  if (typeof choice === "string" && choice.trim()) return countrySchema.parse(choice);
  return countryFromAcceptLanguage(acceptLanguage);
}
