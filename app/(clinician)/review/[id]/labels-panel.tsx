"use client";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { CONDITIONS, type Condition } from "@/lib/assessment/vocabulary";
import { CONDITION_NAMES } from "@/lib/assessment/names";
import { saveLabelsAction } from "../actions";

interface Props {
  caseId: string;
  modelLabels: string[];
  mine: Partial<Record<Condition, boolean>>;
  canWrite: boolean;
}

/** The clinician's own call per condition; shown next to the model's so agreement is visible. */
export function LabelsPanel({ caseId, modelLabels, mine, canWrite }: Props) {
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <section aria-labelledby="labels-h" className="flex flex-col gap-3">
      <h2 id="labels-h" className="scroll-mt-48 text-lg font-semibold">Your judgement</h2>
      <p className="text-sm text-muted-foreground">For each condition, is it present in this post? Saved as feedback for retraining.</p>
      <form
        className="flex flex-col gap-3"
        action={(fd) =>
          start(async () => {
            const labels = Object.fromEntries(CONDITIONS.map((c) => [c, fd.get(c) === "yes"])) as Record<Condition, boolean>;
            const missing = CONDITIONS.filter((c) => !fd.get(c));
            if (missing.length) {
              setMessage(`Please choose for: ${missing.map((c) => CONDITION_NAMES.staff[c]).join(", ")}.`);
              return;
            }
            const res = await saveLabelsAction({ caseId, labels });
            setMessage(res.ok ? "Saved. Thank you." : res.error);
          })
        }
      >
        {CONDITIONS.map((c) => {
          const flagged = modelLabels.includes(c);
          const current = mine[c];
          return (
            <fieldset key={c} className="rounded-[var(--radius)] border border-border p-3" disabled={!canWrite || pending}>
              <legend className="px-1 text-sm font-medium">
                {CONDITION_NAMES.staff[c]} <span className="font-normal text-muted-foreground">(model: {flagged ? "flagged" : "not flagged"})</span>
              </legend>
              <div className="flex gap-4 text-sm">
                <label className="flex items-center gap-2">
                  <input type="radio" name={c} value="yes" defaultChecked={current === true} /> Present
                </label>
                <label className="flex items-center gap-2">
                  <input type="radio" name={c} value="no" defaultChecked={current === false} /> Not present
                </label>
                {current !== undefined ? (
                  <span className="text-muted-foreground" data-testid={`agreement-${c}`}>
                    {current === flagged ? "You agree with the model" : "You disagree with the model"}
                  </span>
                ) : null}
              </div>
            </fieldset>
          );
        })}
        {canWrite ? (
          <Button type="submit" disabled={pending} className="self-start">Save judgement</Button>
        ) : (
          <p className="text-sm text-muted-foreground">Claim the case to record your judgement.</p>
        )}
        {message ? <p role="status" className="text-sm">{message}</p> : null}
      </form>
    </section>
  );
}
