"use client";
import { useActionState, useId } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { OpenState } from "./states";

type OpenAction = (prev: OpenState, form: FormData) => Promise<OpenState>;

/** Reference and follow-up code. A right pair opens the case for 20 minutes (a signed cookie); nothing else is asked. */
export function OpenFollowUpForm({ action }: { action: OpenAction }) {
  const ids = { reference: useId(), code: useId(), error: useId() };
  const [state, formAction, pending] = useActionState<OpenState, FormData>(async (prev, form) => {
    try {
      return await action(prev, form);
    } catch (err) {
      // A redirect after a right code is how the action ends: let Next handle it.
      if (err instanceof Error && "digest" in err && String((err as { digest?: unknown }).digest).startsWith("NEXT_REDIRECT")) throw err;
      return { message: "We couldn't reach the server. Please try again in a moment. If you need to talk to someone now, the crisis lines are always open." };
    }
  }, null);
  const invalid = state?.message ? true : undefined;

  return (
    <form action={formAction} className="space-y-4 rounded-[var(--radius)] border border-border bg-card p-5" aria-describedby={state?.message ? ids.error : undefined}>
      <div className="space-y-1.5">
        <Label htmlFor={ids.reference}>Case reference</Label>
        <Input id={ids.reference} name="reference" autoComplete="off" spellCheck={false} placeholder="LNT-XXXX-XXXX" maxLength={40} required aria-invalid={invalid} data-testid="follow-up-reference" className="font-mono" />
      </div>
      <div className="space-y-1.5">
        <Label htmlFor={ids.code}>Follow-up code</Label>
        <Input id={ids.code} name="code" type="password" autoComplete="off" spellCheck={false} placeholder="XXXX-XXXX-XXXX" maxLength={60} required aria-invalid={invalid} data-testid="follow-up-code-input" className="font-mono" />
        <p className="text-sm text-muted-foreground">You were shown both when your post was saved. Spaces, dashes and capitals don&apos;t matter.</p>
      </div>
      {state?.message ? (
        <p id={ids.error} role="alert" data-testid="follow-up-error" className="rounded-[var(--radius)] bg-muted p-3 text-sm">
          {state.message}
        </p>
      ) : null}
      <Button type="submit" disabled={pending} data-testid="follow-up-open">
        {pending ? "Checking…" : "Open my case"}
      </Button>
    </form>
  );
}
