"use client";
import { CONDITIONS } from "@/lib/assessment/vocabulary";
import { Fragment } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { type TriageResult } from "@/lib/outreach/types";
import { CONDITION_NAMES, percent } from "@/lib/assessment/names";
import { TIER_WORDS } from "./words";

export interface TriageRow {
  row: number;
  original: string;
  text: string;
  truncated: boolean;
  result?: TriageResult;
  failed?: boolean;
}

const EXCERPT = 140;

/** The batch sorted by risk (the caller sorts); one row's details open below it. */
export function ResultsTable(props: {
  rows: readonly TriageRow[];
  rowLabel: "row" | "post";
  openRow: number | null;
  onToggle: (row: number) => void;
  renderDetail: (row: TriageRow) => React.ReactNode;
}) {
  const heading = props.rowLabel === "row" ? "Row" : "Post";
  return (
    <div className="overflow-x-auto rounded-[var(--radius)] border border-border bg-card">
      <table className="w-full border-collapse text-sm" data-testid="results-table">
        <caption className="sr-only">Posts sorted by risk, highest first, with the model&apos;s score for each condition</caption>
        <thead className="bg-muted text-left">
          <tr>
            <th scope="col" className="p-2">{heading}</th>
            <th scope="col" className="p-2">Text</th>
            <th scope="col" className="p-2">Risk</th>
            {CONDITIONS.map((l) => (
              <th key={l} scope="col" className="p-2 text-right">
                {CONDITION_NAMES.outreach[l]}
              </th>
            ))}
            <th scope="col" className="p-2">
              <span className="sr-only">Details</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => {
            const open = props.openRow === r.row;
            const tier = r.result?.tier ?? "unknown";
            return (
              <Fragment key={r.row}>
                <tr className="border-t border-border align-top" data-testid="result-row" data-row={r.row} data-tier={tier}>
                  <th scope="row" className="p-2 font-normal tabular-nums">
                    {r.row}
                  </th>
                  <td className="max-w-md p-2">
                    <span className="line-clamp-2 break-words">
                      {r.original.length > EXCERPT ? `${r.original.slice(0, EXCERPT)}…` : r.original}
                    </span>
                  </td>
                  <td className="p-2">
                    <Badge variant={tier === "crisis" ? "crisis" : tier === "unknown" ? "outline" : tier === "elevated" ? "default" : "muted"}>
                      {TIER_WORDS[tier]}
                    </Badge>
                  </td>
                  {CONDITIONS.map((l) => (
                    <td key={l} className="p-2 text-right tabular-nums" data-label={l}>
                      {r.result ? percent(r.result.probabilities[l]) : "–"}
                    </td>
                  ))}
                  <td className="p-2">
                    {r.result ? (
                      <Button type="button" variant="ghost" size="sm" aria-expanded={open} onClick={() => props.onToggle(r.row)}>
                        {open ? "Hide" : "Help & reply"}
                        <span className="sr-only"> for {heading.toLowerCase()} {r.row}</span>
                      </Button>
                    ) : null}
                  </td>
                </tr>
                {open && r.result ? (
                  <tr className="border-t border-border bg-background">
                    <td colSpan={4 + CONDITIONS.length}>{props.renderDetail(r)}</td>
                  </tr>
                ) : null}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
