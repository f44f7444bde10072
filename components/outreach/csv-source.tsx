"use client";
import { useMemo, useState } from "react";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/select";
import { OUTREACH_LIMITS } from "@/lib/outreach/config";
import { columnsOf, dataRowsOf, guessTextColumn, parseCsvTable, type CsvTable } from "@/lib/outreach/csv";
import { decodeUpload, UnreadableFileError } from "@/lib/outreach/encoding";
import type { Notice } from "@/lib/outreach/notices";
import { prepareFromCsv } from "@/lib/outreach/prepare";
import { guessCountryColumn } from "@/lib/outreach/row-countries";
import type { PreparedInput } from "./input-types";

interface Loaded {
  fileName: string;
  table: CsvTable;
  decodeNotices: Notice[];
}

const MB = 1024 * 1024;

/**
 * CSV upload, read entirely in the browser: the file never leaves this device; only the chosen column's
 * posts are sent, a chunk at a time, to be classified.
 */
export function CsvSource({ onPrepared, disabled }: { onPrepared: (input: PreparedInput) => void; disabled: boolean }) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [hasHeader, setHasHeader] = useState(true);
  const [column, setColumn] = useState(0);
  // The column holding each row's country, or null: every row takes the country chosen in step 2.
  const [countryColumn, setCountryColumn] = useState<number | null>(null);

  const columns = useMemo(() => (loaded ? columnsOf(loaded.table, hasHeader) : []), [loaded, hasHeader]);
  const rows = useMemo(() => (loaded ? dataRowsOf(loaded.table, hasHeader) : []), [loaded, hasHeader]);

  function publish(next: Loaded, header: boolean, col: number, countryCol: number | null) {
    const cols = columnsOf(next.table, header);
    const data = dataRowsOf(next.table, header);
    const fileNotices = [...next.decodeNotices, ...next.table.notices];
    if (cols.length === 0 || next.table.notices.some((n) => n.level === "error")) {
      onPrepared({ batch: null, notices: fileNotices });
      return;
    }
    const batch = prepareFromCsv(data, col, cols[col]?.name ?? `Column ${col + 1}`, countryCol === null ? undefined : cols[countryCol]);
    onPrepared({ batch: batch.posts.length > 0 ? batch : null, notices: [...fileNotices, ...batch.notices] });
  }

  async function onFile(file: File | undefined) {
    setLoaded(null);
    if (!file) return onPrepared({ batch: null, notices: [] });
    if (file.size > OUTREACH_LIMITS.maxFileBytes) {
      return onPrepared({
        batch: null,
        notices: [
          {
            level: "error",
            code: "file-too-large",
            message: `This file is ${(file.size / MB).toFixed(1)} MB; files up to ${OUTREACH_LIMITS.maxFileBytes / MB} MB can be read. Split it into smaller files and upload them one at a time.`,
          },
        ],
      });
    }
    try {
      const decoded = decodeUpload(await file.arrayBuffer());
      const next: Loaded = { fileName: file.name, table: parseCsvTable(decoded.text), decodeNotices: decoded.notices };
      const col = guessTextColumn(columnsOf(next.table, true), dataRowsOf(next.table, true));
      const countryCol = guessCountryColumn(columnsOf(next.table, true));
      setLoaded(next);
      setHasHeader(true);
      setColumn(col);
      setCountryColumn(countryCol);
      publish(next, true, col, countryCol);
    } catch (err) {
      if (err instanceof UnreadableFileError) return onPrepared({ batch: null, notices: [err.notice] });
      onPrepared({
        batch: null,
        notices: [{ level: "error", code: "not-text", message: "This file could not be read. Choose a CSV file (in a spreadsheet app: “Save as” → “CSV UTF-8”)." }],
      });
    }
  }

  const preview = rows.slice(0, 2).map((r) => (r.cells[column] ?? "").slice(0, 140));

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-col gap-2">
        <Label htmlFor="outreach-csv">CSV file (up to {OUTREACH_LIMITS.maxRows.toLocaleString("en-US")} posts at a time)</Label>
        <Input
          id="outreach-csv"
          type="file"
          accept=".csv,.tsv,.txt,text/csv,text/plain,text/tab-separated-values"
          disabled={disabled}
          onChange={(e) => void onFile(e.target.files?.[0])}
        />
        <p className="text-sm text-muted-foreground">The file is read on this device. Nothing from it is stored.</p>
      </div>
      {loaded && columns.length > 0 ? (
        <div className="flex flex-col gap-3">
          <div className="flex items-start gap-2">
            <Checkbox
              id="outreach-has-header"
              checked={hasHeader}
              disabled={disabled}
              onCheckedChange={(v) => {
                const header = v === true;
                const col = Math.min(column, Math.max(0, loaded.table.columnCount - 1));
                setHasHeader(header);
                publish(loaded, header, col, countryColumn);
              }}
            />
            <Label htmlFor="outreach-has-header">The first row holds column names</Label>
          </div>
          <div className="flex flex-col gap-2">
            <Label htmlFor="outreach-column">Which column holds the posts?</Label>
            <NativeSelect
              id="outreach-column"
              value={String(column)}
              disabled={disabled}
              onChange={(e) => {
                const col = Number(e.target.value);
                setColumn(col);
                publish(loaded, hasHeader, col, countryColumn);
              }}
            >
              {columns.map((c) => (
                <option key={c.index} value={c.index}>
                  {c.name}
                </option>
              ))}
            </NativeSelect>
            {preview.some((p) => p.trim() !== "") ? (
              <div className="text-sm text-muted-foreground">
                <p>First posts in this column:</p>
                <ul className="list-disc pl-5">
                  {preview.map((p, i) => (
                    <li key={i} className="truncate">
                      {p || "(empty)"}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </div>
          {columns.length > 1 ? (
            <div className="flex flex-col gap-2">
              <Label htmlFor="outreach-country-column">Which column holds each post&apos;s country? (optional)</Label>
              <NativeSelect
                id="outreach-country-column"
                value={countryColumn === null ? "" : String(countryColumn)}
                disabled={disabled}
                onChange={(e) => {
                  const next = e.target.value === "" ? null : Number(e.target.value);
                  setCountryColumn(next);
                  publish(loaded, hasHeader, column, next);
                }}
              >
                <option value="">None: every post takes the country chosen in step 2</option>
                {columns.map((c) => (
                  <option key={c.index} value={c.index} disabled={c.index === column}>
                    {c.name}
                  </option>
                ))}
              </NativeSelect>
              <p className="text-sm text-muted-foreground">A country name or a two-letter code (GB, US, CA …); empty cells take the country chosen in step 2.</p>
            </div>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
