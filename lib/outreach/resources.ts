import type { Condition, Tier } from "@/lib/assessment/vocabulary";
import { rankResources } from "@/lib/resources/rank";
import type { TriageResource } from "./types";

const ENTRIES_PER_POST = 4;

/**
 * Directory entries for one triaged post, from the shared ranking (country, conditions, tier; the first crisis
 * line is always there for the crisis tier). No audience or preference is known from a batch, so entries made
 * for a specific group are left out rather than guessed. Only ids and directory-built reasons leave here.
 */
export function resourcesFor(input: { tier: Tier; probabilities: Record<Condition, number>; country: string }): TriageResource[] {
  return rankResources({
    conditions: input.probabilities,
    tier: input.tier,
    country: input.country || undefined,
    limit: ENTRIES_PER_POST,
  }).map((r) => ({ id: r.resource.id, reason: r.reason }));
}
