import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { QueueRow } from "@/lib/db/review-queue";
import type { Condition } from "@/lib/assessment/vocabulary";
import { CONDITION_NAMES, TIER_NAMES } from "@/lib/assessment/names";
import { tierFromDb } from "@/lib/assessment/db-enums";
import { STATUS_LABEL } from "@/lib/review/schemas";

const conditionName = (l: string) => CONDITION_NAMES.staff[l as Condition] ?? "No condition flagged";

export function QueueTable({ rows }: { rows: QueueRow[] }) {
  if (rows.length === 0) {
    return <p className="rounded-[var(--radius)] border border-border bg-card p-6 text-center text-muted-foreground">No cases match these filters.</p>;
  }
  return (
    <div className="overflow-x-auto rounded-[var(--radius)] border border-border bg-card">
      <table className="w-full text-left text-sm" data-testid="queue">
        <thead className="border-b border-border bg-muted">
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
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-b border-border last:border-0" data-case-id={r.id} data-reference={r.reference}>
              <td className="p-3">
                <Link className="font-mono underline" href={`/review/${r.id}`}>{r.reference}</Link>
                {r.personWroteBack ? (
                  <span className="mt-1 block text-xs font-medium text-primary" data-testid="queue-person-wrote-back">
                    Person wrote back
                  </span>
                ) : null}
              </td>
              <td className="p-3">
                <Badge variant={r.tier === "CRISIS" ? "crisis" : r.tier === "ELEVATED" ? "default" : "muted"}>{TIER_NAMES.staff[tierFromDb(r.tier)]}</Badge>
              </td>
              <td className="p-3">{conditionName(r.topLabel)}</td>
              <td className="p-3">{Math.round(r.confidence * 100)}%</td>
              <td className="p-3">{r.country}</td>
              <td className="p-3">{r.createdOn}</td>
              <td className="p-3">
                {STATUS_LABEL[r.status]}
                {r.claimedBy ? <span className="block text-xs text-muted-foreground">{r.claimedBy.name ?? r.claimedBy.email}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
