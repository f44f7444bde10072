import { CONDITIONS } from "@/lib/assessment/vocabulary";
import { CONDITION_NAMES, TIER_NAMES } from "@/lib/assessment/names";
import { describeTierReason } from "@/lib/assessment/tier-reason";
import Papa from "papaparse";
import { OUTREACH_LIMITS } from "./config";
import { type TriageResult } from "./types";

/**
 * Characters that make a spreadsheet treat a cell as a formula (CSV injection, OWASP): = + - @ at the start,
 * also after leading spaces, plus a leading tab or carriage return. Full-width variants are included because
 * some spreadsheet locales normalise them.
 */
const FORMULA_TRIGGER = /^[\s\u00a0\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20]|^[\t\r]/;

/** A cell that cannot run as a formula: a leading single quote makes spreadsheets show it as text. */
export function escapeFormula(cell: string): string {
  return FORMULA_TRIGGER.test(cell) ? `'${cell}` : cell;
}

export interface ExportRow {
  row: number;
  /** The country the row's services were chosen for, by name ("" when unknown). */
  country: string;
  original: string;
  truncated: boolean;
  result?: TriageResult;
  /** Directory names, already looked up from the ids. */
  resourceNames: string[];
  reply: string;
}

const pct = (p: number) => (Math.round(p * 1000) / 10).toFixed(1);

export const EXPORT_COLUMNS = [
  "row",
  "country",
  "tier",
  "tier_reason",
  "top_condition",
  "model_confidence",
  ...CONDITIONS.map((l) => `${l}_percent`),
  "conditions_above_threshold",
  "suggested_resources",
  "reply_template",
  "note",
  "text",
] as const;

/**
 * The results as CSV text, safe to open in a spreadsheet (see toSafeCsv). Tiers and conditions are in the staff
 * vocabulary (lib/assessment/names.ts), as on every staff screen; the score columns keep the condition keys.
 */
export function toTriageCsv(rows: readonly ExportRow[], rowLabel: "row" | "post" = "row"): string {
  const header = EXPORT_COLUMNS.map((c) => (c === "row" ? rowLabel : c));
  const body = rows.map((r) => [
    String(r.row),
    r.country,
    r.result ? TIER_NAMES.staff[r.result.tier] : "not classified",
    r.result ? describeTierReason(r.result.tierReason) : "",
    r.result ? (r.result.topLabel === "none" ? "No condition flagged" : CONDITION_NAMES.staff[r.result.topLabel]) : "",
    r.result?.confidence ?? "",
    ...CONDITIONS.map((l) => (r.result ? pct(r.result.probabilities[l]) : "")),
    r.result?.labels.map((l) => CONDITION_NAMES.staff[l]).join("; ") ?? "",
    r.resourceNames.join("; "),
    r.reply,
    [r.truncated ? `model read the first ${OUTREACH_LIMITS.maxPostChars.toLocaleString("en-US")} characters only` : "", r.result ? "" : "not classified: try again"].filter(Boolean).join("; "),
    r.original,
  ]);
  return toSafeCsv([header, ...body]);
}

/**
 * Any table as CSV with every cell escaped against formula injection by papaparse, given our pattern:
 * papaparse's default pattern (`^[=+\-@\t\r].*$`) misses a formula followed by a line break.
 */
export function toSafeCsv(table: readonly (readonly string[])[]): string {
  return Papa.unparse(
    table.map((r) => [...r]),
    { newline: "\r\n", escapeFormulae: FORMULA_TRIGGER },
  );
}
