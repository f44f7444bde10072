import fc from "fast-check";
import Papa from "papaparse";
import { describe, it } from "vitest";
import { OUTREACH_LIMITS } from "@/lib/outreach/config";
import { columnsOf, dataRowsOf, guessTextColumn, parseCsvTable } from "@/lib/outreach/csv";
import { decodeUpload, UnreadableFileError } from "@/lib/outreach/encoding";
import { prepareFromCsv } from "@/lib/outreach/prepare";
import { FUZZ } from "./runs";

// The outreach CSV import, from the uploaded bytes to the posts the classifier reads.

/** The whole import path a worker's upload goes through; throws only UnreadableFileError (kind words). */
function importBytes(bytes: Uint8Array, hasHeader?: boolean) {
  const decoded = decodeUpload(bytes);
  const table = parseCsvTable(decoded.text);
  hasHeader ??= table.records.length > 1;
  const columns = columnsOf(table, hasHeader);
  const rows = dataRowsOf(table, hasHeader);
  const col = columns.length > 0 ? guessTextColumn(columns, rows) : 0;
  const batch = prepareFromCsv(rows, col, columns[col]?.name ?? "Column 1");
  return { table, columns, rows, col, batch };
}

const utf16le = (s: string) => {
  const out = new Uint8Array(2 + s.length * 2);
  out.set([0xff, 0xfe]);
  for (let i = 0; i < s.length; i++) {
    out[2 + 2 * i] = s.charCodeAt(i) & 0xff;
    out[3 + 2 * i] = s.charCodeAt(i) >> 8;
  }
  return out;
};
const encoders: Record<string, (s: string) => Uint8Array> = {
  utf8: (s) => new TextEncoder().encode(s),
  utf8bom: (s) => new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(s)]),
  utf16le,
};

// Cells a real export can hold: quotes, both delimiters, line breaks, formulas, emoji, RTL, long runs.
const cellChar = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom("a", "b", "I", " ", "e", "t", "é", "ß", "ё", "😔", "ع", "中") },
  { weight: 2, arbitrary: fc.constantFrom('"', ",", ";", "\t", "\n", "\r\n", "=", "+", "-", "@", "'") },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }) },
);
const cell = fc.array(cellChar, { maxLength: 40 }).map((c) => c.join(""));
const headerName = fc.constantFrom("id", "author", "date", "score", "subreddit", "flair");

describe("CSV import fuzzing", { timeout: 600_000 }, () => {
  it("any bytes: the import either yields posts within the limits or refuses with kind words, never anything else", () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 3_000 }),
      fc.string({ unit: "binary", maxLength: 1_500 }).map((s) => encoders.utf8!(s)),
      fc.string({ unit: "binary", maxLength: 800 }).map(utf16le),
    );
    fc.assert(
      fc.property(bytes, (input) => {
        let result;
        try {
          result = importBytes(input);
        } catch (err) {
          return err instanceof UnreadableFileError && err.notice.message.length > 0;
        }
        const { columns, rows, col, batch } = result;
        if (columns.length > 0 && (col < 0 || col >= columns.length)) return false;
        const validRows = new Set(rows.map((r) => r.row));
        return batch.posts.every((p) => p.text.length <= OUTREACH_LIMITS.maxPostChars && p.text.trim() !== "" && validRows.has(p.row));
      }),
      FUZZ,
    );
  });

  it("a table written by a spreadsheet comes back cell for cell, in any of the usual encodings and delimiters", () => {
    // Metadata columns in front of the text column; metadata values are short and plain (their shape is not under test).
    const meta = fc.constantFrom("", "1", "42", "abc", "2024-01-02", "r/test");
    const table = fc.tuple(
      fc.uniqueArray(headerName, { minLength: 1, maxLength: 3 }),
      fc.array(fc.tuple(fc.array(meta, { minLength: 3, maxLength: 3 }), cell), { minLength: 1, maxLength: 12 }),
    ).map(([names, rows]) => [[...names, "text"], rows.map(([m, text]) => [...m.slice(0, names.length), text])] as const);
    fc.assert(
      fc.property(table, fc.constantFrom(",", ";", "\t"), fc.constantFrom("utf8", "utf8bom", "utf16le"), fc.constantFrom("\n", "\r\n"), ([header, records], delimiter, enc, newline) => {
        const csv = Papa.unparse([header, ...records], { delimiter, newline, quotes: true });
        const { batch, columns, col } = importBytes(encoders[enc]!(csv), true);
        if (columns[col]?.name !== "text") return false;
        const expected = records.map((r) => r.at(-1)!.trim()).filter((t) => t !== "");
        return JSON.stringify(batch.posts.map((p) => p.original)) === JSON.stringify(expected);
      }),
      FUZZ,
    );
  });
});
