"use client";
import { useEffect, useRef } from "react";
import { FollowUpCode } from "./follow-up-code";
import { CrisisCard } from "@/components/crisis/crisis-card";
import { NeedToTalkLink } from "@/components/crisis/need-to-talk-link";
import type { Resource } from "@/lib/resources/schema";
import dynamic from "next/dynamic";
import { SupportNotDiagnosis } from "./support-note";
import type { Analysis, CheckResult } from "@/lib/self-check/types";
import { CONDITION_NAMES, percent } from "@/lib/assessment/names";
import { CONDITIONS } from "@/lib/assessment/vocabulary";
import { CONCERN_PHRASES, confidenceSentence, tierReasonSentence } from "./wording";

// Loaded with the first result, not with the page: the home page stays small, and the crisis card above never waits on it.
const ResourcesSection = dynamic(() => import("./resources-section").then((m) => m.ResourcesSection), {
  loading: () => <p className="text-sm text-muted-foreground">Finding places that can help…</p>,
});

export function ResultView({ result, crisisLines }: { result: CheckResult; crisisLines: readonly Resource[] }) {
  const crisisHeading = useRef<HTMLHeadingElement>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);

  // Move focus to what matters most, so screen readers and keyboards land on it without hunting.
  useEffect(() => {
    (result.showCrisis ? crisisHeading.current : resultHeading.current)?.focus();
  }, [result.id, result.showCrisis]);

  return (
    <div className="space-y-6" data-testid="self-check-result" data-outcome={result.outcome}>
      {result.showCrisis ? (
        <CrisisCard lines={crisisLines} reason={result.crisisReason ?? "fallback"} headingRef={crisisHeading} />
      ) : null}

      <section aria-labelledby="result-heading" className="space-y-4 rounded-[var(--radius)] border border-border bg-card p-5">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="result-heading" ref={resultHeading} tabIndex={-1} className="text-lg font-semibold outline-none">
            {result.analysis ? "What the model noticed" : result.outcome === "not_english" ? "We can only read English for now" : "We couldn't check this"}
          </h2>
          <NeedToTalkLink />
        </div>

        {result.message ? (
          <p role={result.outcome === "result" ? undefined : "alert"} data-testid="result-message" className="text-base">
            {result.message}
          </p>
        ) : null}

        {result.analysis ? <AnalysisView analysis={result.analysis} /> : null}

        {result.textRead && result.source === "link" ? (
          <details className="text-sm">
            <summary className="cursor-pointer font-medium">The text we read</summary>
            <p data-testid="text-read" className="mt-2 whitespace-pre-wrap break-words rounded bg-muted p-3">
              {result.textRead}
            </p>
          </details>
        ) : null}

        <SaveNote result={result} />
        <SupportNotDiagnosis />
      </section>

      <ResourcesSection result={result} />
    </div>
  );
}

function AnalysisView({ analysis }: { analysis: Analysis }) {
  // Only sentences that pushed towards a concern the model found count as "what drove it".
  const evidence = analysis.labels.length > 0 ? analysis.evidence.filter((e) => e.weight > 0).slice(0, 3) : [];
  const reason = tierReasonSentence(analysis.tier, analysis.tierReason);
  const closest = (Object.entries(analysis.probabilities) as [keyof typeof CONDITION_NAMES.person, number][]).sort((a, b) => b[1] - a[1])[0];
  return (
    <div className="space-y-4" data-testid="analysis">
      {analysis.labels.length > 0 ? (
        <ul className="space-y-2">
          {analysis.labels.map((label) => (
            <li key={label} data-label={label} className="text-base">
              Your words share a lot with {CONCERN_PHRASES[label]}.
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-base">
          Your words don&apos;t closely match what the model knows about depression, anxiety, bipolar disorder or thoughts of suicide. That
          doesn&apos;t mean what you&apos;re feeling isn&apos;t real or important.
        </p>
      )}
      {reason ? (
        <p data-testid="tier-reason" className="text-base">
          {reason}
        </p>
      ) : null}
      <p data-testid="confidence" data-confidence={analysis.confidence} className="text-base">
        {analysis.topLabel === "none"
          ? `${confidenceSentence(analysis.confidence)} The closest group was ${CONDITION_NAMES.person[closest?.[0] ?? "depression"].toLowerCase()}, at ${percent(closest?.[1] ?? 0)}.`
          : confidenceSentence(analysis.confidence, analysis.probabilities[analysis.topLabel])}
      </p>

      <details className="text-sm">
        <summary className="cursor-pointer font-medium">How close the words were to each group</summary>
        <dl className="mt-2 grid grid-cols-[1fr_auto] gap-x-4 gap-y-1">
          {CONDITIONS.map((label) => (
            <div key={label} className="contents">
              <dt>{CONDITION_NAMES.person[label]}</dt>
              <dd className="text-right tabular-nums">{percent(analysis.probabilities[label])}</dd>
            </div>
          ))}
        </dl>
      </details>

      {evidence.length > 0 ? (
        <div>
          <h3 className="text-base font-medium">The sentences that weighed most</h3>
          <ul className="mt-2 space-y-2" data-testid="evidence">
            {evidence.map((e, i) => (
              <li key={i}>
                <blockquote className="border-l-4 border-primary/50 pl-3 text-sm italic whitespace-pre-wrap break-words">{e.sentence}</blockquote>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p className="text-xs text-muted-foreground">
        Model: {analysis.model.name} {analysis.model.version}
      </p>
    </div>
  );
}

function SaveNote({ result }: { result: CheckResult }) {
  switch (result.save.status) {
    case "saved":
      return (
        <div data-testid="case-saved" className="rounded-[var(--radius)] bg-accent p-3 text-sm text-accent-foreground">
          <p>
            An anonymized copy was saved for a clinician to review. Your case reference is{" "}
            <strong data-testid="case-reference" className="font-mono text-base tracking-wide">
              {result.save.reference}
            </strong>
            .
          </p>
          <p className="mt-1">You can give this reference to a clinician. On its own it reveals nothing about you.</p>
          {result.save.followUpCode ? <FollowUpCode reference={result.save.reference} code={result.save.followUpCode} /> : null}
        </div>
      );
    case "pending":
      return (
        <p data-testid="case-saving" role="status" className="text-sm text-muted-foreground">
          Saving an anonymized copy for a clinician to review…
        </p>
      );
    case "failed":
      return (
        <p data-testid="case-not-saved" role="status" className="rounded-[var(--radius)] bg-muted p-3 text-sm">
          We couldn&apos;t save the anonymized copy just now. Your result above is complete; nothing was stored.
        </p>
      );
    case "queued":
      return (
        <p data-testid="case-queued" role="status" className="rounded-[var(--radius)] bg-muted p-3 text-sm">
          We couldn&apos;t save the anonymized copy just now. We&apos;ve kept it safely and will save it automatically as soon as we
          can, so there is no case reference yet. Your result above is complete.
        </p>
      );
    case "nothing_to_save":
      return (
        <p data-testid="case-nothing-saved" className="text-sm text-muted-foreground">
          Nothing was saved, because there was no result to save.
        </p>
      );
    case "not_requested":
      return (
        <p data-testid="case-not-requested" className="text-sm text-muted-foreground">
          Nothing about this post was stored.
        </p>
      );
  }
}
