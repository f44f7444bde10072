import { crisisLinesFor } from "@/lib/resources/crisis";
import { RESOURCES } from "@/lib/resources/directory";
import type { Resource } from "@/lib/resources/schema";
import type { TriageLabel, TriageTier } from "./types";

const MAX_ENTRIES = 4;

// Ways to reach someone now come before reading material.
const KIND_ORDER: Record<Resource["kind"], number> = {
  crisis_line: 0,
  text_line: 1,
  chat: 2,
  peer_support: 3,
  directory: 4,
  treatment_locator: 5,
  education: 6,
};

function servesCountry(r: Resource, country: string): boolean {
  return r.countries.includes(country) || r.countries.includes("INTL");
}

/**
 * Directory entries for one triaged post: the country's crisis lines first when the tier is crisis, then
 * entries for the conditions the model saw (or general support), for everyone (no audience is known from a
 * batch), in the country or international. Only directory ids leave this function.
 */
export function resourceIdsFor(input: { tier: TriageTier; labels: readonly TriageLabel[]; topLabel: TriageLabel | "none"; country: string }): string[] {
  const ids: string[] = [];
  const add = (id: string) => {
    if (!ids.includes(id) && ids.length < MAX_ENTRIES) ids.push(id);
  };
  if (input.tier === "crisis") crisisLinesFor(input.country || undefined).forEach((r) => add(r.id));

  const wanted = new Set<string>(input.labels.length > 0 ? input.labels : input.topLabel !== "none" ? [input.topLabel] : ["general"]);
  const country = input.country || "INTL";
  const candidates = RESOURCES.filter(
    (r) => r.audiences.includes("all") && servesCountry(r, country) && r.conditions.some((c) => wanted.has(c)),
  )
    // Entries matching more of the post's conditions first; then by kind; then a local entry before an international one.
    .map((r) => ({ r, matches: r.conditions.filter((c) => wanted.has(c)).length }))
    .sort(
      (a, b) =>
        b.matches - a.matches ||
        KIND_ORDER[a.r.kind] - KIND_ORDER[b.r.kind] ||
        Number(a.r.countries.includes("INTL")) - Number(b.r.countries.includes("INTL")),
    );
  candidates.forEach(({ r }) => add(r.id));
  if (ids.length === 0) crisisLinesFor(undefined).forEach((r) => add(r.id));
  return ids;
}
