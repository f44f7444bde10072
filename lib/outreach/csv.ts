import Papa from "papaparse";
import { describeRows, type Notice } from "./notices";

/** A parsed CSV: records as the spreadsheet shows them (record 0 is spreadsheet row 1). */
export interface CsvTable {
  records: string[][];
  columnCount: number;
  notices: Notice[];
}

export interface CsvColumn {
  index: number;
  name: string;
}

/** One data record with the row number the worker sees in a spreadsheet. */
export interface CsvDataRow {
  row: number;
  cells: string[];
}

const isBlankRecord = (r: string[]) => r.every((c) => c.trim() === "");

/**
 * Parses CSV text with papaparse. The delimiter is detected (comma, semicolon, tab ...), because spreadsheets
 * in many locales save with semicolons. Malformed quoting is reported with row numbers instead of failing.
 */
export function parseCsvTable(text: string): CsvTable {
  const result = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false, delimiter: "" });
  const records = result.data.map((r) => (Array.isArray(r) ? r.map((c) => String(c ?? "")) : []));
  // A file ending in a newline yields one empty trailing record.
  while (records.length > 0 && isBlankRecord(records.at(-1)!)) records.pop();

  const notices: Notice[] = [];
  const quoteRows = [
    ...new Set(result.errors.filter((e) => e.type === "Quotes" && typeof e.row === "number").map((e) => (e.row as number) + 1)),
  ].sort((a, b) => a - b);
  if (quoteRows.length > 0) {
    notices.push({
      level: "warning",
      code: "csv-malformed",
      message: `Some quotation marks in this file are not closed (${describeRows(quoteRows)}), so text near them may have been joined into one cell. Check those rows in the results.`,
      rows: quoteRows,
    });
  }
  const columnCount = records.reduce((m, r) => Math.max(m, r.length), 0);
  if (records.length === 0 || columnCount === 0) {
    notices.push({ level: "error", code: "empty-input", message: "This file has no rows. Choose a CSV file that has posts in it." });
  }
  return { records, columnCount, notices };
}

/** Column names from the header record, or "Column 1", "Column 2" ... where there is none or a name is blank. */
export function columnsOf(table: CsvTable, hasHeader: boolean): CsvColumn[] {
  const header = hasHeader ? (table.records[0] ?? []) : [];
  return Array.from({ length: table.columnCount }, (_, index) => {
    const name = (header[index] ?? "").trim();
    return { index, name: name || `Column ${index + 1}` };
  });
}

/** Data records with their spreadsheet row numbers; fully blank records are left out (they hold no post). */
export function dataRowsOf(table: CsvTable, hasHeader: boolean): CsvDataRow[] {
  const rows: CsvDataRow[] = [];
  table.records.forEach((cells, i) => {
    if (hasHeader && i === 0) return;
    if (isBlankRecord(cells)) return;
    rows.push({ row: i + 1, cells });
  });
  return rows;
}

const TEXT_COLUMN_NAME = /^(text|post|posts|body|content|message|selftext|comment|title and text)$/i;

/**
 * The column most likely to hold the posts: one named like "text" or "post", else the one with the
 * longest cells on average. The worker can always pick another.
 */
export function guessTextColumn(columns: readonly CsvColumn[], rows: readonly CsvDataRow[]): number {
  const named = columns.find((c) => TEXT_COLUMN_NAME.test(c.name));
  if (named) return named.index;
  const sample = rows.slice(0, 200);
  let best = 0;
  let bestLength = -1;
  for (const c of columns) {
    const total = sample.reduce((sum, r) => sum + (r.cells[c.index] ?? "").trim().length, 0);
    if (total > bestLength) {
      best = c.index;
      bestLength = total;
    }
  }
  return best;
}
