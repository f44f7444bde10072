import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { signOutAction } from "@/app/(auth)/actions";
import { StaffHeader } from "@/components/auth/staff-header";
import { requirePageRole } from "@/lib/auth/session";
import { AuthError } from "@/lib/auth/errors";
import { getDb } from "@/lib/db/client";
import { getCaseForReview } from "@/lib/db/review";
import { listQueue } from "@/lib/db/review-queue";
import { CONDITIONS } from "@/lib/assessment/vocabulary";
import { CONDITION_NAMES, CONFIDENCE_NAMES, TIER_NAMES, percent } from "@/lib/assessment/names";
import { tierFromDb } from "@/lib/assessment/db-enums";
import { findLeftovers } from "@/lib/anonymize/leftovers";
import { EvidenceText } from "./evidence-text";
import { LeftoversNotice } from "./leftovers-notice";
import { ResourceCard } from "./resource-card";
import { WorkflowPanel } from "./workflow-panel";
import { NotesPanel } from "./notes-panel";
import { LabelsPanel } from "./labels-panel";
import { MessagesPanel } from "./messages-panel";
import { WriteToPerson } from "./write-to-person";
import { listCaseMessages } from "@/lib/db/case-messages";
import { RESOURCES } from "@/lib/resources/directory";

export const metadata: Metadata = { title: "Case" };

// Clinicians only: checked here, and again in getCaseForReview(), which also audits the view. A claim, note or
// label re-renders this page inside the action's own request (Next-Action header): that is the same visit, and
// the action has its own audit row, so the view is recorded once per visit.
export default async function CasePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const me = await requirePageRole(`/review/${encodeURIComponent(id)}`, "CLINICIAN");
  const recordView = !(await headers()).has("next-action");
  const c = await getCaseForReview(await getDb(), me, id, { recordView }).catch((err: unknown) => {
    if (err instanceof AuthError && err.kind === "not_found") notFound();
    throw err;
  });
  const claimedByOther = c.claimedBy && !c.mine ? (c.claimedBy.name ?? c.claimedBy.email) : null;
  const messages = await listCaseMessages(await getDb(), me, c.id);
  // The next case waiting in the queue's risk order (the first new one that is not this one), for "Next new case".
  const next = (await listQueue(await getDb(), me, { status: "NEW" })).rows.find((r) => r.id !== c.id);
  // Services a clinician may attach: the case's country first, then those that work anywhere.
  const choices = [...RESOURCES.filter((r) => r.countries.includes(c.country)), ...RESOURCES.filter((r) => r.countries.includes("INTL") && !r.countries.includes(c.country))].map(
    (r) => ({ id: r.id, name: r.name, organization: r.organization }),
  );

  return (
    <>
      <StaffHeader user={me} signOut={signOutAction} />
      <main id="main" className="mx-auto grid max-w-6xl gap-6 p-4 lg:grid-cols-[1fr_22rem]">
        <div className="flex flex-col gap-6">
          <div>
            <Link href="/review" className="text-sm underline">Back to the queue</Link>
            <h1 className="mt-2 flex flex-wrap items-center gap-3 text-2xl font-semibold">
              <span className="font-mono" data-testid="case-reference">{c.reference}</span>
              <Badge variant={c.tier === "CRISIS" ? "crisis" : "default"}>{TIER_NAMES.staff[tierFromDb(c.tier)]}</Badge>
            </h1>
            <p className="mt-1 text-sm" data-testid="tier-reason">
              <span className="font-medium">Why {TIER_NAMES.staff[tierFromDb(c.tier)].toLowerCase()}:</span> {c.tierReason}
            </p>
            <p className="text-sm text-muted-foreground">
              Saved on {c.createdOn} · {c.country} · model {c.modelName} {c.modelVersion}
            </p>
          </div>

          <LeftoversNotice found={findLeftovers(c.redactedText)} />

          <section aria-labelledby="text-h" className="rounded-[var(--radius)] border border-border bg-card p-4">
            <h2 id="text-h" className="mb-2 text-lg font-semibold">What they wrote (anonymized)</h2>
            <EvidenceText text={c.redactedText} evidence={c.evidence} />
            {c.evidence.length ? (
              <p className="mt-3 text-xs text-muted-foreground">Highlighted: the sentences the model relied on most.</p>
            ) : null}
          </section>

          <section aria-labelledby="probs-h" className="rounded-[var(--radius)] border border-border bg-card p-4">
            <h2 id="probs-h" className="mb-2 text-lg font-semibold">Model signals</h2>
            <p className="mb-3 text-sm text-muted-foreground">
              These are a model&apos;s estimates, not a diagnosis.{" "}
              <span data-testid="case-confidence">
                {c.confidenceLevel
                  ? `${CONFIDENCE_NAMES.staff[c.confidenceLevel]} about this reading, as shown when the case was saved.`
                  : "How sure the model was is not recorded for this case."}
              </span>{" "}
              Highest score: {percent(c.confidence)}.
            </p>
            <dl className="grid gap-2" data-testid="probabilities">
              {CONDITIONS.map((k) => {
                const p = c.probabilities[k] ?? 0;
                return (
                  <div key={k} className="grid grid-cols-[9rem_1fr_3rem] items-center gap-3 text-sm">
                    <dt>{CONDITION_NAMES.staff[k]}</dt>
                    <dd className="h-2 rounded bg-muted" aria-hidden>
                      <div className="h-2 rounded bg-primary" style={{ width: percent(p) }} />
                    </dd>
                    <dd className="text-right tabular-nums">{percent(p)}</dd>
                  </div>
                );
              })}
            </dl>
          </section>

          <section aria-labelledby="res-h" className="rounded-[var(--radius)] border border-border bg-card p-4">
            <h2 id="res-h" className="mb-2 text-lg font-semibold">Resources they were shown</h2>
            {c.resourcesShown.length ? (
              <ul className="grid gap-2 sm:grid-cols-2">
                {c.resourcesShown.map((r) => <ResourceCard key={r} id={r} />)}
              </ul>
            ) : (
              <p className="text-sm text-muted-foreground">None recorded.</p>
            )}
          </section>

          <MessagesPanel messages={messages} personWroteBack={c.personWroteBack} />

          <section aria-labelledby="msg-h" className="rounded-[var(--radius)] border border-border bg-card p-4">
            <h2 id="msg-h" className="mb-2 text-lg font-semibold">The supportive message they received</h2>
            {c.generatedMessage ? (
              <p className="whitespace-pre-wrap text-sm" data-testid="generated-message">{c.generatedMessage}</p>
            ) : (
              <p className="text-sm text-muted-foreground">No generated message was saved.</p>
            )}
          </section>
        </div>

        {/* On phones the aside's box dissolves into the page's single column: the workflow becomes a bar stuck to
            the top of the screen (claim, status, jump to judgement and notes) and the rest follows the case. */}
        <aside className="flex flex-col gap-6 max-lg:contents lg:rounded-[var(--radius)] lg:border lg:border-border lg:bg-card lg:p-4">
          <WorkflowPanel caseId={c.id} status={c.status} mine={c.mine} claimedByOther={claimedByOther} nextCaseId={next?.id ?? null} />
          {c.reachable ? (
            <WriteToPerson caseId={c.id} canWrite={c.mine} choices={choices} />
          ) : (
            <p className="text-sm text-muted-foreground">This case has no follow-up code, so the person cannot be written to.</p>
          )}
          <LabelsPanel caseId={c.id} modelLabels={c.labels} mine={c.myLabels} canWrite={c.mine} />
          <NotesPanel
            caseId={c.id}
            canWrite={c.mine}
            notes={c.notes.map((n) => ({ id: n.id, body: n.body, createdAt: n.createdAt.toISOString(), author: n.author.name ?? n.author.email }))}
          />
        </aside>
      </main>
    </>
  );
}
