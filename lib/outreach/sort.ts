import type { Tier } from "@/lib/assessment/vocabulary";
import type { TriageResult } from "./types";

export interface RankableRow {
  row: number;
  result?: TriageResult;
  failed?: boolean;
}

// Rows the model could not read come right after crisis rows: their risk is unknown, so a person looks first.
const TIER_RANK: Record<Tier | "unknown", number> = { crisis: 0, unknown: 1, elevated: 2, low: 3 };

function tierRank(r: RankableRow): number {
  return TIER_RANK[r.result?.tier ?? "unknown"];
}

function maxProbability(r: RankableRow): number {
  return r.result ? Math.max(...Object.values(r.result.probabilities)) : 0;
}

/**
 * Risk order for the results table and the export: tier (crisis first), then the suicidal score, then the
 * highest score of any condition, then the original row order so equal rows keep their place.
 */
export function compareByRisk(a: RankableRow, b: RankableRow): number {
  return (
    tierRank(a) - tierRank(b) ||
    (b.result?.probabilities.suicidal ?? 0) - (a.result?.probabilities.suicidal ?? 0) ||
    maxProbability(b) - maxProbability(a) ||
    a.row - b.row
  );
}

export function sortByRisk<T extends RankableRow>(rows: readonly T[]): T[] {
  return [...rows].sort(compareByRisk);
}
