/**
 * What the parsers tell the worker. Every problem with the input becomes a notice with kind words and,
 * where it helps, the row numbers concerned, so nothing is dropped silently.
 */
export type NoticeLevel = "info" | "warning" | "error";

export type NoticeCode =
  | "empty-input"
  | "file-too-large"
  | "not-text"
  | "spreadsheet-file"
  | "encoding-utf8-bom"
  | "encoding-utf16"
  | "encoding-latin1"
  | "invalid-bytes"
  | "csv-malformed"
  | "no-columns"
  | "empty-column"
  | "empty-cells"
  | "row-countries"
  | "unknown-country"
  | "truncated"
  | "too-many-rows";

export interface Notice {
  level: NoticeLevel;
  code: NoticeCode;
  message: string;
  /** 1-based row numbers as the worker sees them (data rows, not counting a header row). */
  rows?: number[];
}

/** "rows 3, 9 and 12" or "rows 3, 9, 12 and 40 more" for messages. */
export function describeRows(rows: readonly number[], noun = "row", max = 10): string {
  if (rows.length === 0) return "";
  const word = rows.length === 1 ? noun : `${noun}s`;
  if (rows.length === 1) return `${word} ${rows[0]}`;
  const shown = rows.slice(0, max);
  const rest = rows.length - shown.length;
  if (rest > 0) return `${word} ${shown.join(", ")} and ${rest.toLocaleString("en-US")} more`;
  return `${word} ${shown.slice(0, -1).join(", ")} and ${shown[shown.length - 1]}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
}
