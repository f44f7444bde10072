"use client";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Label } from "@/components/ui/label";

export type SaveCase = (input: { text: string; country: string; submissionKey: string; confirmed: true }) => Promise<{ ok: true; reference: string } | { ok: false; message: string }>;

/**
 * The only way anything from batch triage is stored: the worker ticks the box and presses save for this
 * one row. One key per row, so a retry or double click saves one case.
 */
export function SaveCaseForm({ text, country, onSave, rowLabel }: { text: string; country: string; onSave: SaveCase; rowLabel: string }) {
  const [confirmed, setConfirmed] = useState(false);
  const [key] = useState(() => crypto.randomUUID());
  const [state, setState] = useState<{ kind: "idle" } | { kind: "saved"; reference: string } | { kind: "error"; message: string }>({ kind: "idle" });
  const [pending, start] = useTransition();
  const id = `save-confirm-${key}`;

  if (state.kind === "saved") {
    return (
      <p role="status" className="text-sm" data-testid="case-saved">
        Saved as an anonymized case for clinician review. Reference: <strong>{state.reference}</strong>
      </p>
    );
  }
  return (
    <form
      className="flex flex-col gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        if (!confirmed) return;
        start(async () => {
          const res = await onSave({ text, country, submissionKey: key, confirmed: true }).catch(() => ({
            ok: false as const,
            message: "The case could not be saved. Please try again in a moment.",
          }));
          setState(res.ok ? { kind: "saved", reference: res.reference } : { kind: "error", message: res.message });
        });
      }}
    >
      <div className="flex items-start gap-2">
        <Checkbox id={id} checked={confirmed} onCheckedChange={(v) => setConfirmed(v === true)} />
        <Label htmlFor={id}>
          Save an anonymized copy of {rowLabel} so a clinician can review it. Names, handles, links and other identifiers are removed first;
          nothing else from this batch is stored.
        </Label>
      </div>
      <div>
        <Button type="submit" variant="outline" size="sm" disabled={!confirmed || pending}>
          {pending ? "Saving…" : "Save as case"}
        </Button>
      </div>
      {state.kind === "error" ? (
        <p role="alert" className="text-sm text-crisis">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
