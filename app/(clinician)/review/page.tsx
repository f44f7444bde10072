import type { Metadata } from "next";
import Link from "next/link";
import { requirePageRole } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { listQueue, queueVersion } from "@/lib/db/review-queue";
import { queueFilterSchema, STATUS_LABEL, type QueueFilter } from "@/lib/review/schemas";
import { CaseStatus } from "@/lib/db/generated/enums";
import { signOutAction } from "@/app/(auth)/actions";
import { StaffHeader } from "@/components/auth/staff-header";
import { QueueFilters } from "./queue-filters";
import { QueueTable } from "./queue-table";
import { QueuePoller } from "./queue-poller";
import { ListShortcuts } from "@/components/ui/list-shortcuts";

export const metadata: Metadata = { title: "Case queue" };

function hrefWith(filter: QueueFilter, patch: Partial<Record<keyof QueueFilter, string | number | undefined>>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...filter, ...patch })) {
    if (v !== undefined && v !== "" && !(k === "page" && v === 1)) q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `/review?${s}` : "/review";
}

// Clinicians only: checked here, and again in listQueue().
export default async function ReviewQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const raw = await searchParams;
  const me = await requirePageRole("/review", "CLINICIAN");
  const filter = queueFilterSchema.parse(raw);
  // A filter that did not parse is dropped, and said so, rather than silently showing every case.
  const given = (k: string) => typeof raw[k] === "string" && (raw[k] as string).trim() !== "";
  const ignored = (["from", "to", "reference", "country"] as const).filter((k) => given(k) && filter[k] === undefined).map((k) => `${k} "${String(raw[k]).slice(0, 40)}"`);
  const db = await getDb();
  // The fingerprint of what this render shows, taken first: a case that arrives while the page is on its way is
  // then a change the poller sees (fetching the first fingerprint from the browser missed those).
  const version = await queueVersion(db, me);
  const queue = await listQueue(db, me, filter);

  return (
    <>
      <StaffHeader user={me} signOut={signOutAction} />
      <main id="main" className="mx-auto flex max-w-6xl flex-col gap-5 p-4">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h1 className="text-2xl font-semibold">Case queue</h1>
          <p className="text-sm text-muted-foreground">Highest risk first: crisis, then model confidence, then the longest waiting.</p>
        </div>
        {ignored.length ? (
          <p role="status" className="rounded-[var(--radius)] border border-border bg-muted p-3 text-sm" data-testid="ignored-filters">
            Not applied: {ignored.join("; ")}. Dates are written YYYY-MM-DD (2026-12-02); a reference looks like LNT-7K3Q-9MZD.
          </p>
        ) : null}
        {raw.deleted ? (
          <p role="status" className="rounded-[var(--radius)] border border-border bg-muted p-3 text-sm">
            The case was deleted. The audit trail keeps a record that it was.
          </p>
        ) : null}
        <nav aria-label="Status" className="flex flex-wrap gap-2" data-testid="status-counts">
          <Link
            href={hrefWith(filter, { status: undefined, page: 1 })}
            aria-current={!filter.status ? "page" : undefined}
            className="rounded-full border border-border px-3 py-1 text-sm aria-[current=page]:bg-accent"
          >
            All {Object.values(queue.counts).reduce((a, b) => a + b, 0)}
          </Link>
          {Object.values(CaseStatus).map((s) => (
            <Link
              key={s}
              href={hrefWith(filter, { status: s, page: 1 })}
              aria-current={filter.status === s ? "page" : undefined}
              data-status={s}
              className="rounded-full border border-border px-3 py-1 text-sm aria-[current=page]:bg-accent"
            >
              {STATUS_LABEL[s]} <span data-testid={`count-${s}`}>{queue.counts[s]}</span>
            </Link>
          ))}
        </nav>
        <QueueFilters filter={filter} />
        <ListShortcuts itemSelector='[data-testid="queue"] a[href^="/review/"]' hint="Keys: j / k or ↓ / ↑ move between cases; Enter opens one. On a case: c claims it, n opens the next new case." />
        <QueueTable rows={queue.rows} />
        <nav aria-label="Pages" className="flex items-center gap-4 text-sm">
          {queue.page > 1 ? <Link className="underline" href={hrefWith(filter, { page: queue.page - 1 })}>Previous page</Link> : null}
          <span>
            Page {queue.page} of {queue.pageCount} · {queue.total} case{queue.total === 1 ? "" : "s"}
          </span>
          {queue.page < queue.pageCount ? <Link className="underline" href={hrefWith(filter, { page: queue.page + 1 })}>Next page</Link> : null}
        </nav>
        <QueuePoller renderedVersion={version} />
      </main>
    </>
  );
}
