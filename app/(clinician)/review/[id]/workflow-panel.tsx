"use client";
import { useState, useTransition } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useShortcuts } from "@/components/ui/use-shortcuts";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/errors/envelope";
import { STATUS_LABEL } from "@/lib/review/schemas";
import type { CaseStatus } from "@/lib/db/generated/enums";
import { claimCaseAction, deleteCaseAction, releaseCaseAction, setStatusAction } from "../actions";

interface Props {
  caseId: string;
  status: CaseStatus;
  mine: boolean;
  claimedByOther: string | null;
  /** The next new case in the queue's order, or null when none is waiting. */
  nextCaseId: string | null;
}

export function WorkflowPanel({ caseId, status, mine, claimedByOther, nextCaseId }: Props) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const run = (fn: () => Promise<ActionResult<unknown>>) =>
    start(async () => {
      const res = await fn();
      setError(res && !res.ok ? res.error : null);
    });

  // c claims (when the case can be claimed here), n opens the next new case.
  useShortcuts({
    c: () => {
      if (status === "NEW" && !claimedByOther && !pending) run(() => claimCaseAction({ caseId }));
    },
    n: () => {
      if (nextCaseId) router.push(`/review/${nextCaseId}`);
    },
  });

  return (
    <section
      aria-labelledby="workflow-h"
      data-testid="case-actions"
      className="flex flex-col gap-3 max-lg:sticky max-lg:top-0 max-lg:z-20 max-lg:order-first max-lg:-mx-4 max-lg:-mt-4 max-lg:gap-2 max-lg:border-b max-lg:border-border max-lg:bg-card max-lg:px-4 max-lg:py-2 max-lg:shadow-sm"
    >
      <h2 id="workflow-h" className="text-lg font-semibold max-lg:sr-only">Workflow</h2>
      <p data-testid="case-status" className="max-lg:text-sm">
        Status: <strong>{STATUS_LABEL[status]}</strong>
        {claimedByOther ? <span> · claimed by {claimedByOther}</span> : mine ? <span> · claimed by you</span> : null}
      </p>
      <nav aria-label="On this case" className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        <a className="underline lg:hidden" href="#labels-h">Your judgement</a>
        <a className="underline lg:hidden" href="#notes-h">Notes</a>
        {nextCaseId ? (
          <Link className="underline" href={`/review/${nextCaseId}`} aria-keyshortcuts="n">
            Next new case
          </Link>
        ) : (
          <span className="text-muted-foreground">No other new case waiting</span>
        )}
      </nav>
      <div className="flex flex-wrap gap-2 max-lg:gap-1.5">
        {status === "NEW" && !claimedByOther ? (
          <Button disabled={pending} aria-keyshortcuts="c" onClick={() => run(() => claimCaseAction({ caseId }))}>Claim this case</Button>
        ) : null}
        {mine && status === "IN_REVIEW" ? (
          <>
            <Button disabled={pending} onClick={() => run(() => setStatusAction({ caseId, status: "REVIEWED" }))}>Mark reviewed</Button>
            <Button disabled={pending} variant="outline" onClick={() => run(() => setStatusAction({ caseId, status: "ESCALATED" }))}>Escalate</Button>
            <Button disabled={pending} variant="outline" onClick={() => run(() => setStatusAction({ caseId, status: "DISMISSED" }))}>Dismiss</Button>
            <Button disabled={pending} variant="ghost" onClick={() => run(() => releaseCaseAction({ caseId }))}>Hand back to the queue</Button>
          </>
        ) : null}
        {mine && status !== "IN_REVIEW" && status !== "NEW" ? (
          <Button disabled={pending} variant="outline" onClick={() => run(() => setStatusAction({ caseId, status: "IN_REVIEW" }))}>Re-open</Button>
        ) : null}
        {mine ? (
          <Button
            disabled={pending}
            variant="ghost"
            className="text-crisis"
            onClick={() => {
              if (window.confirm("Delete this case and its notes for good? The audit trail keeps a record of the deletion.")) {
                run(() => deleteCaseAction({ caseId }));
              }
            }}
          >
            Delete case
          </Button>
        ) : null}
      </div>
      {error ? <p role="alert" className="rounded-[var(--radius)] border border-border bg-muted p-3 text-sm">{error}</p> : null}
    </section>
  );
}
