import { describe, expect, it } from "vitest";
import { OUTREACH_LIMITS } from "./config";
import { columnsOf, dataRowsOf, guessTextColumn, parseCsvTable } from "./csv";
import { postsOfPart, prepareFromCsv } from "./prepare";

function prepare(csv: string, hasHeader = true, column?: number) {
  const table = parseCsvTable(csv);
  const columns = columnsOf(table, hasHeader);
  const rows = dataRowsOf(table, hasHeader);
  const index = column ?? guessTextColumn(columns, rows);
  return { table, columns, rows, index, batch: prepareFromCsv(rows, index, columns[index]?.name ?? "") };
}

describe("CSV parsing", () => {
  it("reads quoted cells with commas and line breaks, and numbers rows as a spreadsheet does", () => {
    const { columns, batch, index } = prepare('id,post\n1,"I can\'t sleep, again"\n2,"line one\nline two"\n');
    expect(columns.map((c) => c.name)).toEqual(["id", "post"]);
    expect(index).toBe(1);
    expect(batch.posts.map((p) => [p.row, p.text])).toEqual([
      [2, "I can't sleep, again"],
      [3, "line one\nline two"],
    ]);
    expect(batch.notices).toEqual([]);
  });

  it("detects semicolon-separated files and names blank headers", () => {
    const { columns, batch } = prepare("author;;score\nsomeone;I feel alone most days and it is getting worse;3\n", true, 1);
    expect(columns.map((c) => c.name)).toEqual(["author", "Column 2", "score"]);
    expect(batch.posts[0]!.text).toBe("I feel alone most days and it is getting worse");
  });

  it("guesses the column with the longest text when no column is named like one", () => {
    const { index } = prepare("a,b,c\n1,short,a much longer piece of writing that is clearly the post\n2,x,another long post about feeling anxious\n");
    expect(index).toBe(2);
  });

  it("reads a file without a header row from row 1", () => {
    const { batch, columns } = prepare("first post\nsecond post\n", false, 0);
    expect(columns[0]!.name).toBe("Column 1");
    expect(batch.posts.map((p) => p.row)).toEqual([1, 2]);
  });

  it("an empty column is an error that names the column", () => {
    const { batch } = prepare("text,notes\nhello there,\nsecond,\n", true, 1);
    expect(batch.posts).toEqual([]);
    expect(batch.notices).toEqual([expect.objectContaining({ level: "error", code: "empty-column" })]);
    expect(batch.notices[0]!.message).toContain("“notes”");
  });

  it("empty cells are listed by row and skipped, the others kept", () => {
    const { batch } = prepare('id,text\n1,first\n2,""\n3,third\n4,   \n5,fifth\n', true, 1);
    expect(batch.posts.map((p) => p.row)).toEqual([2, 4, 6]);
    expect(batch.notices).toEqual([expect.objectContaining({ code: "empty-cells", rows: [3, 5] })]);
    expect(batch.notices[0]!.message).toMatch(/2 rows have no text in “text” and will be skipped \(rows 3 and 5\)/);
  });

  it("reports an unclosed quote with its row instead of failing", () => {
    const { table } = prepare('text\n"fine"\n"never closed\nnext\n', true, 0);
    expect(table.notices).toEqual([expect.objectContaining({ code: "csv-malformed" })]);
  });

  it("a file with no rows is an error", () => {
    expect(parseCsvTable("\n\n").notices).toEqual([expect.objectContaining({ level: "error", code: "empty-input" })]);
  });

  it("keeps formula-looking cells exactly as written (escaping happens only on export)", () => {
    const { batch } = prepare('text\n"=HYPERLINK(""http://x"",""click"")"\n+1-555\n-not a number\n@mention\n', true, 0);
    expect(batch.posts.map((p) => p.text)).toEqual(['=HYPERLINK("http://x","click")', "+1-555", "-not a number", "@mention"]);
  });

  it("cuts a huge cell for the model, keeps it whole for the export, and says so", () => {
    const huge = "I feel stuck. ".repeat(5_000);
    const { batch } = prepare(`text\nsmall\n"${huge}"\n`, true, 0);
    const post = batch.posts[1]!;
    expect(post.truncated).toBe(true);
    expect(post.text.length).toBe(OUTREACH_LIMITS.maxPostChars);
    expect(post.original).toBe(huge.trim());
    expect(batch.notices).toEqual([expect.objectContaining({ code: "truncated", rows: [3] })]);
    expect(batch.notices[0]!.message).toMatch(/1 post is longer than 10,000 characters \(row 3\)/);
  });

  it("10,001 rows: a clear message and every row reachable in parts of at most 1,000", () => {
    const lines = Array.from({ length: 10_001 }, (_, i) => `${i + 1},post number ${i + 1}`);
    const { batch } = prepare(`id,text\n${lines.join("\n")}\n`);
    expect(batch.posts).toHaveLength(10_001);
    expect(batch.notices).toEqual([expect.objectContaining({ level: "error", code: "too-many-rows" })]);
    expect(batch.notices[0]!.message).toMatch(/10,001 rows; Lantern triages up to 1,000 at a time\. Nothing has been dropped/);
    expect(batch.parts).toHaveLength(11);
    expect(batch.parts[0]).toEqual({ index: 0, from: 2, to: 1001 });
    expect(batch.parts[10]).toEqual({ index: 10, from: 10_002, to: 10_002 });
    const seen = batch.parts.flatMap((p) => postsOfPart(batch, p.index).map((post) => post.text));
    expect(seen).toEqual(batch.posts.map((p) => p.text));
    expect(batch.parts.every((p) => postsOfPart(batch, p.index).length <= OUTREACH_LIMITS.maxRows)).toBe(true);
  });

  it("exactly 1,000 rows fit in one batch", () => {
    const lines = Array.from({ length: 1_000 }, (_, i) => `post ${i}`);
    const { batch } = prepare(`text\n${lines.join("\n")}`);
    expect(batch.parts).toEqual([]);
    expect(batch.notices).toEqual([]);
    expect(postsOfPart(batch, 0)).toHaveLength(1_000);
  });
});
