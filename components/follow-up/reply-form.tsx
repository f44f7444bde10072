"use client";
import { useActionState, useId, useState } from "react";
import { CrisisCard } from "@/components/crisis/crisis-card";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import type { Resource } from "@/lib/resources/schema";
import type { ReplyState } from "./states";

type ReplyAction = (prev: ReplyState, form: FormData) => Promise<ReplyState>;
const MAX = 2_000;

/**
 * Writing back. The crisis card comes first whenever the words, the classifier, or a failure call for it, exactly as
 * on the self-check; the lines travel with the page so the card never waits on the network.
 */
export function ReplyForm({ action, crisisLines }: { action: ReplyAction; crisisLines: readonly Resource[] }) {
  const ids = { text: useId(), count: useId(), consent: useId() };
  const [text, setText] = useState("");
  const [state, formAction, pending] = useActionState<ReplyState, FormData>(async (prev, form) => {
    try {
      const answer = await action(prev, form);
      if (answer?.ok) setText("");
      return answer;
    } catch {
      return { ok: false, message: "We couldn't reach the server, so your message was not sent. Please try again in a moment.", crisis: "fallback" };
    }
  }, null);

  return (
    <section aria-labelledby="reply-heading" className="space-y-3">
      {state?.crisis ? <CrisisCard lines={crisisLines} reason={state.crisis} /> : null}
      <h2 id="reply-heading" className="text-lg font-semibold">
        Write back
      </h2>
      <form action={formAction} className="space-y-3">
        <Label htmlFor={ids.text}>Your message</Label>
        <Textarea
          id={ids.text}
          name="text"
          rows={5}
          value={text}
          onChange={(e) => setText(e.target.value)}
          maxLength={MAX}
          required
          aria-describedby={`${ids.consent} ${ids.count}`}
          data-testid="reply-text"
        />
        <p id={ids.count} className="text-xs text-muted-foreground">
          {text.length.toLocaleString("en-US")} of {MAX.toLocaleString("en-US")} characters
        </p>
        <p id={ids.consent} className="text-sm text-muted-foreground">
          What you send is saved with your case, anonymized (names, places and contact details are taken out), for the clinicians who read it. It
          is deleted with the case. Please don&apos;t write your name or how to reach you: Lantern can&apos;t contact you, and a clinician answers
          here.
        </p>
        {state && !state.ok ? (
          <p role="alert" data-testid="reply-error" className="rounded-[var(--radius)] bg-muted p-3 text-sm">
            {state.message}
          </p>
        ) : null}
        {state?.ok ? (
          <p role="status" data-testid="reply-sent" className="text-sm">
            Sent. A clinician will see it with your case.
          </p>
        ) : null}
        <Button type="submit" disabled={pending} data-testid="reply-send">
          {pending ? "Sending…" : "Send"}
        </Button>
      </form>
    </section>
  );
}
