import { OUTREACH_LIMITS } from "./config";
import type { CsvColumn, CsvDataRow } from "./csv";
import { describeRows, plural, type Notice } from "./notices";
import { splitPastedPosts } from "./paste";
import { readRowCountries } from "./row-countries";

/** One post of a batch. `original` is kept whole for the export; `text` is what the classifier reads. */
export interface SourcePost {
  /** Spreadsheet row number (CSV) or post number (paste): what the worker uses to find it again. */
  row: number;
  original: string;
  text: string;
  truncated: boolean;
  /** The row's own country (ISO code) from the CSV's country column; absent: the batch's country. */
  country?: string;
}

export interface BatchPart {
  index: number;
  from: number;
  to: number;
}

export interface PreparedBatch {
  /** What the numbers in `row` mean, for table headings and messages. */
  rowLabel: "row" | "post";
  posts: SourcePost[];
  notices: Notice[];
  /** More posts than one batch takes: the worker picks a part, so every post stays reachable. */
  parts: BatchPart[];
}

function toPost(row: number, raw: string): SourcePost {
  const original = raw.trim();
  const truncated = original.length > OUTREACH_LIMITS.maxPostChars;
  return { row, original, text: truncated ? original.slice(0, OUTREACH_LIMITS.maxPostChars) : original, truncated };
}

function partsOf(posts: readonly SourcePost[]): BatchPart[] {
  const parts: BatchPart[] = [];
  for (let i = 0; i < posts.length; i += OUTREACH_LIMITS.maxRows) {
    const slice = posts.slice(i, i + OUTREACH_LIMITS.maxRows);
    parts.push({ index: parts.length, from: slice[0]!.row, to: slice.at(-1)!.row });
  }
  return parts;
}

function finish(rowLabel: PreparedBatch["rowLabel"], posts: SourcePost[], notices: Notice[]): PreparedBatch {
  const truncatedRows = posts.filter((p) => p.truncated).map((p) => p.row);
  if (truncatedRows.length > 0) {
    const max = OUTREACH_LIMITS.maxPostChars.toLocaleString("en-US");
    notices.push({
      level: "warning",
      code: "truncated",
      message: `${plural(truncatedRows.length, "post is", "posts are")} longer than ${max} characters (${describeRows(truncatedRows, rowLabel)}). Only the first ${max} characters are read by the model; the export keeps the full text.`,
      rows: truncatedRows,
    });
  }
  const parts = posts.length > OUTREACH_LIMITS.maxRows ? partsOf(posts) : [];
  if (parts.length > 0) {
    notices.push({
      level: "error",
      code: "too-many-rows",
      message: `This has ${plural(posts.length, rowLabel)}; Lantern triages up to ${OUTREACH_LIMITS.maxRows.toLocaleString("en-US")} at a time. Nothing has been dropped: pick a part of up to ${OUTREACH_LIMITS.maxRows.toLocaleString("en-US")} below, then the next part when you are done.`,
    });
  }
  return { rowLabel, posts, notices, parts };
}

/**
 * Posts from the chosen CSV column, each with its country when a country column is chosen. An empty column is an
 * error; empty cells and countries not recognised are listed, not hidden.
 */
export function prepareFromCsv(rows: readonly CsvDataRow[], columnIndex: number, columnName: string, countryColumn?: CsvColumn): PreparedBatch {
  const notices: Notice[] = [];
  const posts: SourcePost[] = [];
  const emptyRows: number[] = [];
  for (const r of rows) {
    const cell = r.cells[columnIndex] ?? "";
    if (cell.trim() === "") emptyRows.push(r.row);
    else posts.push(toPost(r.row, cell));
  }
  if (countryColumn && countryColumn.index !== columnIndex) {
    const posted = new Set(posts.map((p) => p.row));
    const countries = readRowCountries(
      rows.filter((r) => posted.has(r.row)),
      countryColumn,
    );
    for (const p of posts) {
      const code = countries.byRow.get(p.row);
      if (code !== undefined) p.country = code;
    }
    notices.push(...countries.notices);
  }
  if (rows.length > 0 && posts.length === 0) {
    notices.push({
      level: "error",
      code: "empty-column",
      message: `The column “${columnName}” is empty in every row. Pick the column that holds the posts.`,
    });
  } else if (emptyRows.length > 0) {
    notices.push({
      level: "warning",
      code: "empty-cells",
      message: `${plural(emptyRows.length, "row has", "rows have")} no text in “${columnName}” and will be skipped (${describeRows(emptyRows)}).`,
      rows: emptyRows,
    });
  }
  return finish("row", posts, notices);
}

/** Posts from the paste box, one per block separated by blank lines. */
export function prepareFromPaste(text: string): PreparedBatch {
  const blocks = splitPastedPosts(text);
  if (blocks.length === 0) {
    return {
      rowLabel: "post",
      posts: [],
      parts: [],
      notices: [{ level: "error", code: "empty-input", message: "There is no text to triage yet. Paste one or more posts, with a blank line between posts." }],
    };
  }
  return finish("post", blocks.map((b, i) => toPost(i + 1, b)), []);
}

/** The posts of one part (all posts when the batch fits in one). */
export function postsOfPart(batch: PreparedBatch, partIndex: number): SourcePost[] {
  if (batch.parts.length === 0) return batch.posts;
  const start = partIndex * OUTREACH_LIMITS.maxRows;
  return batch.posts.slice(start, start + OUTREACH_LIMITS.maxRows);
}
