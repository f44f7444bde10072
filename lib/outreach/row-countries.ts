import { SUPPORTED_COUNTRIES } from "@/lib/resources/crisis";
import { UNKNOWN_COUNTRY } from "@/lib/country";
import { countryName, parseCountry } from "@/lib/country/names";
import type { CsvColumn, CsvDataRow } from "./csv";
import { describeRows, plural, type Notice } from "./notices";

const COUNTRY_COLUMN_NAME = /^(country|country[ _-]?code|country[ _-]?name|nation)$/i;

/** The column named like "country", if the file has one: picked for the worker, who can choose "none". */
export function guessCountryColumn(columns: readonly CsvColumn[]): number | null {
  return columns.find((c) => COUNTRY_COLUMN_NAME.test(c.name.trim()))?.index ?? null;
}

/**
 * Each row's country from the chosen column, as an ISO code (any country; "ZZ" for an explicit "unknown").
 * Rows with an empty cell, or a value no country is recognised in, are left out: they take the batch's country,
 * and unrecognised values are listed in a notice with their rows, so nothing is guessed silently.
 */
export function readRowCountries(rows: readonly CsvDataRow[], column: CsvColumn): { byRow: Map<number, string>; notices: Notice[] } {
  const byRow = new Map<number, string>();
  const unknownRows: number[] = [];
  const unknownValues = new Set<string>();
  for (const r of rows) {
    const cell = (r.cells[column.index] ?? "").trim();
    if (cell === "") continue;
    const code = parseCountry(cell);
    if (code) byRow.set(r.row, code);
    else {
      unknownRows.push(r.row);
      unknownValues.add(cell.length > 40 ? `${cell.slice(0, 40)}…` : cell);
    }
  }
  const notices: Notice[] = [];
  if (byRow.size > 0) {
    notices.push({
      level: "info",
      code: "row-countries",
      message: `${plural(byRow.size, "row takes its", "rows take their")} country from the column “${column.name}”; other rows use the country chosen in step 2.`,
    });
  }
  if (unknownRows.length > 0) {
    const shown = [...unknownValues].slice(0, 3).map((v) => `“${v}”`);
    const more = unknownValues.size > shown.length ? ` and ${plural(unknownValues.size - shown.length, "other value")}` : "";
    notices.push({
      level: "warning",
      code: "unknown-country",
      message: `${plural(unknownRows.length, "row has a country", "rows have a country")} Lantern does not recognise in “${column.name}” (${describeRows(unknownRows)}): ${shown.join(", ")}${more}. Those rows use the country chosen in step 2. Write a country name or a two-letter code such as GB to change that.`,
      rows: unknownRows,
    });
  }
  return { byRow, notices };
}

const supported = new Set(SUPPORTED_COUNTRIES);

/** The country the directory and crisis lines are chosen for: a country with local services, else "" (international). */
export function servicesCountry(code: string): string {
  return supported.has(code) ? code : "";
}

/** What the results say about a row's country: "Canada", "Germany (international services)", "Other or unknown". */
export function describeRowCountry(code: string): string {
  if (code === "" || code === UNKNOWN_COUNTRY) return "Other or unknown";
  return supported.has(code) ? countryName(code) : `${countryName(code)} (international services)`;
}

/** The export's country cell: the plain name, which reads back as the same country; empty when unknown. */
export function countryCell(code: string): string {
  return code === "" || code === UNKNOWN_COUNTRY ? "" : countryName(code);
}
