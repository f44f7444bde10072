"use client";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { CONDITIONS } from "@/lib/assessment/vocabulary";
import { CONDITION_NAMES, percent } from "@/lib/assessment/names";
import { describeTierReason } from "@/lib/assessment/tier-reason";
import { describeRowCountry } from "@/lib/outreach/row-countries";
import { type TriageResult } from "@/lib/outreach/types";
import { TIER_WORDS } from "./tier-words";

export interface TriageRow {
  row: number;
  original: string;
  text: string;
  truncated: boolean;
  /** The row's own country (ISO code) from the CSV; absent: the batch's. */
  country?: string;
  result?: TriageResult;
  failed?: boolean;
}

const EXCERPT = 140;

/**
 * The batch sorted by risk (the caller sorts). One table in the page: from `md` it lays out as a table; below, each
 * row lays out as a card (risk, the post's start, its country, the scores in one line, the action), so a phone never scrolls
 * sideways and the tests and screen readers meet the same rows at every width. Details open in a sheet.
 */
export function ResultsTable(props: { rows: readonly TriageRow[]; rowLabel: "row" | "post"; batchCountry: string; onOpen: (row: number) => void }) {
  const heading = props.rowLabel === "row" ? "Row" : "Post";
  return (
    <div className="relative md:overflow-x-auto md:rounded-[var(--radius)] md:border md:border-border md:bg-card">
      <table className="w-full border-collapse text-sm max-md:block" data-testid="results-table">
        <caption className="sr-only">Posts sorted by risk, highest first, with the model&apos;s score for each condition</caption>
        <thead className="bg-muted text-left max-md:hidden">
          <tr>
            <th scope="col" className="p-2">{heading}</th>
            <th scope="col" className="p-2">Text</th>
            <th scope="col" className="p-2">Risk</th>
            <th scope="col" className="p-2">Country</th>
            {CONDITIONS.map((l) => (
              <th key={l} scope="col" className="p-2 text-right">
                {CONDITION_NAMES.staff[l]}
              </th>
            ))}
            <th scope="col" className="p-2">
              <span className="sr-only">Details</span>
            </th>
          </tr>
        </thead>
        <tbody className="max-md:flex max-md:flex-col max-md:gap-3">
          {props.rows.map((r) => {
            const tier = r.result?.tier ?? "unknown";
            return (
              <tr
                key={r.row}
                className="border-t border-border align-top max-md:grid max-md:grid-cols-[auto_1fr] max-md:gap-x-3 max-md:gap-y-2 max-md:rounded-[var(--radius)] max-md:border max-md:bg-card max-md:p-3"
                data-testid="result-row"
                data-row={r.row}
                data-tier={tier}
              >
                <th scope="row" className="p-2 font-normal tabular-nums max-md:row-span-2 max-md:p-0 max-md:text-muted-foreground">
                  <span className="md:hidden">{heading} </span>
                  {r.row}
                </th>
                <td className="p-2 max-md:order-2 max-md:col-start-2 max-md:p-0 md:max-w-md">
                  <span className="line-clamp-2 break-words">{r.original.length > EXCERPT ? `${r.original.slice(0, EXCERPT)}…` : r.original}</span>
                </td>
                <td className="p-2 max-md:order-1 max-md:col-start-2 max-md:p-0">
                  <Badge variant={tier === "crisis" ? "crisis" : tier === "unknown" ? "outline" : tier === "elevated" ? "default" : "muted"}>{TIER_WORDS[tier]}</Badge>
                  {r.result ? (
                    <span className="mt-1 block text-xs text-muted-foreground max-md:ml-2 max-md:inline" data-testid="tier-reason">
                      {describeTierReason(r.result.tierReason)}
                    </span>
                  ) : null}
                </td>
                <td className="p-2 max-md:order-3 max-md:col-span-2 max-md:p-0 max-md:text-xs max-md:text-muted-foreground" data-testid="row-country">
                  <span className="md:hidden">Country: </span>
                  {describeRowCountry(r.country ?? props.batchCountry)}
                </td>
                {CONDITIONS.map((l) => (
                  <td key={l} className="p-2 text-right tabular-nums max-md:hidden" data-label={l}>
                    {r.result ? percent(r.result.probabilities[l]) : "–"}
                  </td>
                ))}
                <td className="text-xs text-muted-foreground max-md:order-4 max-md:col-span-2 md:hidden">
                  {r.result ? CONDITIONS.map((l) => `${CONDITION_NAMES.staff[l]} ${percent(r.result!.probabilities[l])}`).join(" · ") : "Scores not read yet"}
                </td>
                <td className="p-2 max-md:order-5 max-md:col-span-2 max-md:p-0">
                  {r.result ? (
                    <Button type="button" variant="outline" size="sm" className="max-md:w-full" data-action="open" onClick={() => props.onOpen(r.row)}>
                      Help &amp; reply
                      <span className="sr-only"> for {heading.toLowerCase()} {r.row}</span>
                    </Button>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
