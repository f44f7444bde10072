import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { QueueRow } from "@/lib/db/review-queue";
import type { Condition } from "@/lib/assessment/vocabulary";
import { CONDITION_NAMES, TIER_NAMES } from "@/lib/assessment/names";
import { tierFromDb } from "@/lib/assessment/db-enums";
import { STATUS_LABEL } from "@/lib/review/schemas";

const conditionName = (l: string) => CONDITION_NAMES.staff[l as Condition] ?? "No condition flagged";

/**
 * One table at every width: from `md` it lays out as a table; below, each row lays out as a card (reference and
 * risk first, then signal, status and date), so a phone never scrolls sideways to reach the status.
 */
export function QueueTable({ rows }: { rows: QueueRow[] }) {
  if (rows.length === 0) {
    return <p className="rounded-[var(--radius)] border border-border bg-card p-6 text-center text-muted-foreground">No cases match these filters.</p>;
  }
  const cell = "p-3 max-md:p-0";
  return (
    <div className="relative md:overflow-x-auto md:rounded-[var(--radius)] md:border md:border-border md:bg-card">
      <table className="w-full text-left text-sm max-md:block" data-testid="queue">
        <thead className="border-b border-border bg-muted max-md:hidden">
          <tr>
            <th scope="col" className="p-3">Case</th>
            <th scope="col" className="p-3">Risk tier</th>
            <th scope="col" className="p-3">Main signal</th>
            <th scope="col" className="p-3">Model confidence</th>
            <th scope="col" className="p-3">Country</th>
            <th scope="col" className="p-3">Saved on</th>
            <th scope="col" className="p-3">Status</th>
          </tr>
        </thead>
        <tbody className="max-md:flex max-md:flex-col max-md:gap-3">
          {rows.map((r) => (
            <tr
              key={r.id}
              className="border-b border-border last:border-0 max-md:flex max-md:flex-wrap max-md:items-center max-md:gap-x-3 max-md:gap-y-1 max-md:rounded-[var(--radius)] max-md:border max-md:bg-card max-md:p-3 max-md:last:border"
              data-case-id={r.id}
              data-reference={r.reference}
            >
              <td className={cell}>
                <Link className="inline-flex min-h-11 items-center font-mono underline md:min-h-0" href={`/review/${r.id}`}>{r.reference}</Link>
                {r.personWroteBack ? (
                  <span className="mt-1 block text-xs font-medium text-primary max-md:ml-2 max-md:inline" data-testid="queue-person-wrote-back">
                    Person wrote back
                  </span>
                ) : null}
              </td>
              <td className={cell}>
                <Badge variant={r.tier === "CRISIS" ? "crisis" : r.tier === "ELEVATED" ? "default" : "muted"}>{TIER_NAMES.staff[tierFromDb(r.tier)]}</Badge>
                <span className="mt-1 block text-xs text-muted-foreground max-md:hidden" data-testid="tier-reason">{r.tierReason}</span>
              </td>
              <td className={`${cell} max-md:basis-full`}>
                {conditionName(r.topLabel)}
                <span className="md:hidden"> · {Math.round(r.confidence * 100)}% · {r.country}</span>
                <span className="block text-xs text-muted-foreground md:hidden">{r.tierReason}</span>
              </td>
              <td className={`${cell} max-md:hidden`}>{Math.round(r.confidence * 100)}%</td>
              <td className={`${cell} max-md:hidden`}>{r.country}</td>
              <td className={`${cell} max-md:text-muted-foreground`}>
                <span className="md:hidden">Saved </span>
                {r.createdOn}
              </td>
              <td className={cell}>
                {STATUS_LABEL[r.status]}
                {r.claimedBy ? <span className="block text-xs text-muted-foreground max-md:inline">
                    <span className="md:hidden"> · </span>
                    {r.claimedBy.name ?? r.claimedBy.email}
                  </span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
