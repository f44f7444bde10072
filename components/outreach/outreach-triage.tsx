"use client";
import { useMemo, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Sheet } from "@/components/ui/sheet";
import { ListShortcuts } from "@/components/ui/list-shortcuts";
import { NativeSelect } from "@/components/ui/select";
import { chunkPosts } from "@/lib/outreach/chunks";
import { OUTREACH_LIMITS } from "@/lib/outreach/config";
import { toTriageCsv } from "@/lib/outreach/export";
import { postsOfPart } from "@/lib/outreach/prepare";
import { replyTemplate } from "@/lib/outreach/reply";
import { sortByRisk } from "@/lib/outreach/sort";
import type { TriageModel, TriageResult } from "@/lib/outreach/types";
import { countryCell, servicesCountry } from "@/lib/outreach/row-countries";
import { countryName } from "@/lib/country/names";
import { getResource } from "@/lib/resources/directory";
import { CrisisLines } from "./crisis-lines";
import { runBatchJob, type BatchActions } from "./batch-job";
import { CsvSource } from "./csv-source";
import type { PreparedInput } from "./input-types";
import { NoticeList } from "./notice-list";
import { PasteSource } from "./paste-source";
import { ProgressBar } from "./progress-bar";
import { ResourceSheet } from "./resource-sheet";
import { ResultsTable, type TriageRow } from "./results-table";
import { RowDetail } from "./row-detail";
import type { SaveCase } from "./save-case-form";
import type { ActionResult } from "@/lib/errors/envelope";

export type ClassifyChunkAction = (input: { posts: string[]; country: string; countries: string[]; batchSize: number }) => Promise<ActionResult<{ results: TriageResult[]; model: TriageModel }>>;
export type SaveRowAction = (input: Parameters<SaveCase>[0]) => Promise<ActionResult<{ reference: string }>>;

const FAILED_MESSAGE = "Some posts could not be read. Their risk is unknown, so they are listed near the top; you can try them again.";

const STAGE_WORDS = {
  sending: "Sending the posts to be read on the server…",
  waiting: "Waiting for the server to start reading…",
  reading: "Reading on the server. Keep this page open: results appear here as they come.",
} as const;

export function OutreachTriage(props: {
  countries: readonly string[];
  classifyChunk: ClassifyChunkAction;
  saveRow: SaveRowAction;
  /** Large batches (over largeBatchPosts posts) are read by a background job. */
  batch: BatchActions;
  canSave: boolean;
}) {
  const [mode, setMode] = useState<"paste" | "csv">("paste");
  const [input, setInput] = useState<PreparedInput>({ batch: null, notices: [] });
  const [part, setPart] = useState(0);
  const [country, setCountry] = useState("");
  const [rows, setRows] = useState<TriageRow[]>([]);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [running, setRunning] = useState(false);
  const [stage, setStage] = useState<keyof typeof STAGE_WORDS | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [model, setModel] = useState<TriageModel | null>(null);
  const [openRow, setOpenRow] = useState<number | null>(null);
  const [sheetRow, setSheetRow] = useState<number | null>(null);
  const [replies, setReplies] = useState<Record<number, string>>({});
  const stopRef = useRef(false);
  const sheetRef = useRef<HTMLDivElement>(null);

  const batch = input.batch;
  const partPosts = useMemo(() => (batch ? postsOfPart(batch, part) : []), [batch, part]);
  const sorted = useMemo(() => sortByRisk(rows), [rows]);
  const rowLabel = batch?.rowLabel ?? "row";
  const replyFor = (r: TriageRow) => replies[r.row] ?? (r.result ? replyTemplate(r.result) : "");
  // A row's own country (CSV column) where it has one, else the batch's; "" means international services.
  const countryOf = (r: TriageRow) => r.country ?? country;

  function onPrepared(next: PreparedInput) {
    setInput(next);
    setPart(0);
    setRows([]);
    setProgress(null);
    setFailure(null);
    setOpenRow(null);
    setSheetRow(null);
    setReplies({});
  }

  async function classifyAsJob(targets: TriageRow[], all: TriageRow[]) {
    const before = all.length - targets.length;
    const outcome = await runBatchJob(
      props.batch,
      targets.map((t) => ({ text: t.text, country: servicesCountry(countryOf(t)) })),
      country,
      {
        onStage: setStage,
        onProgress: (done) => setProgress({ done: before + done, total: all.length }),
        onResults: (results, m) => {
          if (m) setModel(m);
          const byRow = new Map(results.map((r) => [targets[r.index]!.row, r.result]));
          setRows((prev) => prev.map((r) => (byRow.has(r.row) ? { ...r, result: byRow.get(r.row), failed: false } : r)));
        },
      },
    );
    setStage(null);
    if (!outcome.ok) {
      setFailure(outcome.kind === "internal" || !outcome.message ? FAILED_MESSAGE : outcome.message);
      const targeted = new Set(targets.map((t) => t.row));
      setRows((prev) => prev.map((r) => (targeted.has(r.row) && !r.result ? { ...r, failed: true } : r)));
    }
    setRunning(false);
  }

  async function classify(targets: TriageRow[], all: TriageRow[]) {
    stopRef.current = false;
    setRunning(true);
    setFailure(null);
    let done = all.length - targets.length;
    setProgress({ done, total: all.length });
    if (targets.length > OUTREACH_LIMITS.largeBatchPosts) return classifyAsJob(targets, all);
    let failedChunks = 0;
    for (const chunk of chunkPosts(targets)) {
      if (stopRef.current) break;
      const res = await props
        .classifyChunk({ posts: chunk.map((p) => p.text), country, countries: chunk.map((p) => servicesCountry(countryOf(p))), batchSize: all.length })
        .catch((): ActionResult<never> => ({ ok: false, error: "The connection was interrupted. Please try again.", kind: "internal" }));
      const byRow = new Map(chunk.map((p, i) => [p.row, i]));
      if (res.ok) {
        setModel(res.data.model);
        setRows((prev) => prev.map((r) => (byRow.has(r.row) ? { ...r, result: res.data.results[byRow.get(r.row)!], failed: false } : r)));
      } else {
        failedChunks++;
        setFailure(res.kind === "internal" ? FAILED_MESSAGE : res.error);
        setRows((prev) => prev.map((r) => (byRow.has(r.row) ? { ...r, failed: true } : r)));
        // Signed out or not allowed: further chunks would fail the same way.
        if (["unauthenticated", "forbidden"].includes(res.kind) || failedChunks >= 3) break;
      }
      done += chunk.length;
      setProgress({ done, total: all.length });
    }
    setRunning(false);
  }

  function start() {
    const fresh: TriageRow[] = partPosts.map((p) => ({ ...p }));
    setRows(fresh);
    setReplies({});
    setOpenRow(null);
    setSheetRow(null);
    void classify(fresh, fresh);
  }

  function exportCsv() {
    const csv = toTriageCsv(
      sorted.map((r) => ({
        row: r.row,
        country: countryCell(countryOf(r)),
        original: r.original,
        truncated: r.truncated,
        result: r.result,
        resourceNames: (r.result?.resources ?? []).map((x) => getResource(x.id)?.name ?? x.id),
        reply: replyFor(r),
      })),
      rowLabel,
    );
    // The byte-order mark makes spreadsheet apps read the file as UTF-8.
    const url = URL.createObjectURL(new Blob(["\ufeff", csv], { type: "text/csv;charset=utf-8" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = `lantern-triage-${new Date().toISOString().slice(0, 10)}.csv`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  const unread = rows.filter((r) => !r.result);
  const hasCrisis = rows.some((r) => r.result?.tier === "crisis");
  const sheet = sheetRow === null ? undefined : rows.find((r) => r.row === sheetRow);
  const open = openRow === null ? undefined : rows.find((r) => r.row === openRow);
  const hasErrors = input.notices.some((n) => n.level === "error");
  const canStart = !!batch && partPosts.length > 0 && !running && !(hasErrors && batch.parts.length === 0);

  return (
    <>
      <div className="no-print flex flex-col gap-6">
        <CrisisLines country={country} emphasis={!!failure || hasCrisis} message={failure ?? undefined} />

        <section aria-labelledby="input-title" className="flex flex-col gap-4 rounded-[var(--radius)] border border-border bg-card p-5">
          <h2 id="input-title" className="text-lg font-semibold">
            1. Add posts
          </h2>
          <div className="flex gap-2" role="group" aria-label="How to add posts">
            <Button type="button" variant={mode === "paste" ? "default" : "outline"} aria-pressed={mode === "paste"} onClick={() => (setMode("paste"), onPrepared({ batch: null, notices: [] }))} disabled={running}>
              Paste posts
            </Button>
            <Button type="button" variant={mode === "csv" ? "default" : "outline"} aria-pressed={mode === "csv"} onClick={() => (setMode("csv"), onPrepared({ batch: null, notices: [] }))} disabled={running}>
              Upload a CSV
            </Button>
          </div>
          {mode === "paste" ? <PasteSource onPrepared={onPrepared} disabled={running} /> : <CsvSource onPrepared={onPrepared} disabled={running} />}
          <NoticeList notices={input.notices} />
        </section>

        {batch ? (
          <section aria-labelledby="run-title" className="flex flex-col gap-4 rounded-[var(--radius)] border border-border bg-card p-5">
            <h2 id="run-title" className="text-lg font-semibold">
              2. Read the posts
            </h2>
            {batch.parts.length > 0 ? (
              <div className="flex flex-col gap-2">
                <Label htmlFor="outreach-part">Part to read now</Label>
                <NativeSelect id="outreach-part" value={String(part)} disabled={running} onChange={(e) => (setPart(Number(e.target.value)), setRows([]), setProgress(null))}>
                  {batch.parts.map((p) => (
                    <option key={p.index} value={p.index}>
                      Part {p.index + 1} of {batch.parts.length}: {rowLabel}s {p.from.toLocaleString("en-US")}–{p.to.toLocaleString("en-US")}
                    </option>
                  ))}
                </NativeSelect>
                <p className="text-sm text-muted-foreground">Results are not kept between parts: export each part before reading the next.</p>
              </div>
            ) : null}
            <div className="flex flex-col gap-2">
              <Label htmlFor="outreach-country">Where are these people? (for local services)</Label>
              <NativeSelect id="outreach-country" value={country} disabled={running} onChange={(e) => setCountry(e.target.value)}>
                <option value="">Other or unknown (international services)</option>
                {props.countries.map((c) => (
                  <option key={c} value={c}>
                    {countryName(c)}
                  </option>
                ))}
              </NativeSelect>
            </div>
            <div className="flex flex-wrap gap-2">
              <Button type="button" onClick={start} disabled={!canStart}>
                Read {partPosts.length.toLocaleString("en-US")} {partPosts.length === 1 ? "post" : "posts"}
              </Button>
              {running && !stage ? (
                <Button type="button" variant="outline" onClick={() => (stopRef.current = true)}>
                  Stop after this group
                </Button>
              ) : null}
              {!running && unread.length > 0 && rows.length > 0 ? (
                <Button type="button" variant="secondary" onClick={() => void classify(unread, rows)}>
                  Try the {unread.length.toLocaleString("en-US")} unread {unread.length === 1 ? "post" : "posts"} again
                </Button>
              ) : null}
            </div>
            {stage ? (
              <p className="text-sm text-muted-foreground" data-testid="batch-stage" data-stage={stage}>
                {STAGE_WORDS[stage]}
              </p>
            ) : null}
            {progress ? <ProgressBar done={progress.done} total={progress.total} label="Posts read" /> : null}
          </section>
        ) : null}

        {rows.length > 0 ? (
          <section aria-labelledby="results-title" className="flex flex-col gap-3">
            <div className="flex flex-wrap items-end justify-between gap-2">
              <div>
                <h2 id="results-title" className="text-lg font-semibold">
                  3. Results, highest risk first
                </h2>
                <p className="text-sm text-muted-foreground">
                  Scores are how strongly the model sees each condition in the words: a reading, not a diagnosis.
                  {model ? ` Model ${model.name} ${model.version}.` : ""} Nothing here is stored unless you save a row as a case.
                </p>
              </div>
              <Button type="button" variant="outline" onClick={exportCsv} disabled={running}>
                Export CSV
              </Button>
            </div>
            <ListShortcuts itemSelector='[data-testid="result-row"] [data-action="open"]' hint="Keys: j / k or ↓ / ↑ move between rows; Enter opens Help & reply." />
            <ResultsTable rows={sorted} rowLabel={rowLabel} batchCountry={country} onOpen={setOpenRow} />
          </section>
        ) : null}
      </div>

      <Sheet open={open?.result !== undefined} onOpenChange={(o) => (o ? null : setOpenRow(null))} title={open ? `Help & reply: ${rowLabel} ${open.row}` : ""}>
        {open?.result ? (
          <RowDetail
            rowName={`${rowLabel} ${open.row}`}
            text={open.text}
            result={open.result}
            reply={replyFor(open)}
            onReplyChange={(reply) => setReplies((prev) => ({ ...prev, [open.row]: reply }))}
            onOpenSheet={() => {
              setOpenRow(null);
              setSheetRow(open.row);
              // After the dialog has closed and handed focus back.
              setTimeout(() => sheetRef.current?.scrollIntoView({ block: "start" }), 50);
            }}
            country={servicesCountry(countryOf(open))}
            canSave={props.canSave}
            onSave={async (input) => {
              const res = await props.saveRow(input);
              return res.ok ? { ok: true, reference: res.data.reference } : { ok: false, message: res.error };
            }}
          />
        ) : null}
      </Sheet>

      {sheet?.result ? (
        <div ref={sheetRef} className="mt-6 flex flex-col gap-3 scroll-mt-4">
          <div className="no-print flex flex-wrap items-center justify-between gap-2">
            <h2 className="text-lg font-semibold">
              Resource sheet for {rowLabel} {sheet.row}
            </h2>
            <div className="flex gap-2">
              <Button type="button" onClick={() => window.print()}>
                Print
              </Button>
              <Button type="button" variant="outline" onClick={() => setSheetRow(null)}>
                Close
              </Button>
            </div>
          </div>
          <ResourceSheet result={sheet.result} reply={replyFor(sheet)} country={servicesCountry(countryOf(sheet))} />
        </div>
      ) : null}
    </>
  );
}
