import { getResource } from "./directory";
import type { Resource } from "./schema";

/**
 * The crisis card's lines per country, in the order they are shown. Plain data, no model and no network:
 * the card must render even when everything else has failed.
 */
const CRISIS_LINES: Record<string, string[]> = {
  US: ["us-988-call-text", "us-988-chat", "us-crisis-text-line"],
  CA: ["ca-988", "ca-kids-help-phone"],
  GB: ["gb-ie-samaritans", "gb-shout", "gb-nhs-111-mental-health"],
  IE: ["gb-ie-samaritans", "ie-50808", "ie-pieta"],
  AU: ["au-lifeline", "au-suicide-call-back-service", "au-13yarn"],
  NZ: ["nz-1737"],
  IN: ["in-tele-manas"],
};

const FALLBACK = ["intl-findahelpline", "intl-befrienders"];

export const SUPPORTED_COUNTRIES = Object.keys(CRISIS_LINES);

export function crisisLinesFor(country: string | undefined): Resource[] {
  const ids = (country && CRISIS_LINES[country.toUpperCase()]) || FALLBACK;
  return ids.map((id) => getResource(id)).filter((r): r is Resource => r !== undefined);
}
