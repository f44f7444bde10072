"use client";
import { useActionState, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import type { EraseState } from "./states";

type EraseAction = (prev: EraseState, form: FormData) => Promise<EraseState>;

/** Deleting the case: two steps (open, then confirm with a tick) because it cannot be undone. */
export function EraseForm({ action }: { action: EraseAction }) {
  const [open, setOpen] = useState(false);
  const confirmId = useId();
  const [state, formAction, pending] = useActionState<EraseState, FormData>(async (prev, form) => {
    try {
      return await action(prev, form);
    } catch (err) {
      if (err instanceof Error && "digest" in err && String((err as { digest?: unknown }).digest).startsWith("NEXT_REDIRECT")) throw err;
      return { message: "We couldn't reach the server; nothing was deleted. Please try again in a moment." };
    }
  }, null);

  return (
    <section aria-labelledby="erase-heading" className="space-y-3 rounded-[var(--radius)] border border-border bg-card p-5">
      <h2 id="erase-heading" className="text-lg font-semibold">
        Delete my case
      </h2>
      <p className="text-sm">
        This deletes the saved post, every message, and the clinicians&apos; notes and labels about it. It cannot be undone, and the reference and
        code stop working.
      </p>
      {!open ? (
        <Button type="button" variant="outline" onClick={() => setOpen(true)} data-testid="erase-start">
          Delete my case…
        </Button>
      ) : (
        <form action={formAction} className="space-y-3">
          <div className="flex items-start gap-2">
            <input id={confirmId} type="checkbox" name="confirm" value="yes" required className="mt-1 size-5" data-testid="erase-confirm" />
            <label htmlFor={confirmId} className="text-sm">
              Yes, delete everything about this case now.
            </label>
          </div>
          {state?.message ? (
            <p role="alert" className="rounded-[var(--radius)] bg-muted p-3 text-sm">
              {state.message}
            </p>
          ) : null}
          <div className="flex gap-2">
            <Button type="submit" disabled={pending} data-testid="erase-submit">
              {pending ? "Deleting…" : "Delete everything"}
            </Button>
            <Button type="button" variant="ghost" onClick={() => setOpen(false)}>
              Keep my case
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
