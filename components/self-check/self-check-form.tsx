"use client";
import { useActionState, useEffect, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { POST_LIMITS } from "@/lib/ingest/text";
import type { Resource } from "@/lib/resources/schema";
import { ResultView } from "./result-view";
import { newSubmissionKey } from "./submission-key";
import type { CheckResult, CheckState, SaveCheckOutcome, SaveStatus } from "@/lib/self-check/types";

export type CheckPostAction = (prev: CheckState, form: FormData) => Promise<CheckResult>;
export type SavePostAction = (receipt: string, text: string) => Promise<SaveCheckOutcome>;

interface Props {
  action: CheckPostAction;
  /** Saves a consented case after its answer has shown (the answer never waits on the database). */
  saveAction: SavePostAction;
  defaultCountry: string;
  countryOptions: readonly { code: string; name: string }[];
  /** Crisis lines for every country option, rendered into the page so the card never needs the network. */
  crisisLinesByCountry: Record<string, readonly Resource[]>;
}

// If the server doesn't answer in time, fail safe: show the crisis lines rather than a spinner.
const ANSWER_TIMEOUT_MS = 20_000;

const numberFormat = new Intl.NumberFormat("en-US");

export function SelfCheckForm({ action, saveAction, defaultCountry, countryOptions, crisisLinesByCountry }: Props) {
  const [text, setText] = useState("");
  const [link, setLink] = useState("");
  const [country, setCountry] = useState(defaultCountry);
  const [consent, setConsent] = useState(false);
  const [submissionKey, setSubmissionKey] = useState(newSubmissionKey);
  const ids = { text: useId(), link: useId(), country: useId(), consent: useId(), count: useId(), privacy: useId() };

  const [result, formAction, pending] = useActionState<CheckState, FormData>(async (prev, form) => {
    const key = String(form.get("submissionKey") ?? "");
    let answer: CheckResult;
    try {
      answer = await Promise.race([
        action(prev, form),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timeout")), ANSWER_TIMEOUT_MS)),
      ]);
    } catch {
      answer = failSafeResult(key, String(form.get("country") ?? defaultCountry));
    }
    setSubmissionKey(newSubmissionKey());
    return answer;
  }, null);

  // Save statuses by submission key, filled in when the save that follows a consented answer finishes.
  const [saves, setSaves] = useState<Record<string, SaveStatus>>({});
  useEffect(() => {
    if (result?.save.status !== "pending") return;
    const { id, textRead } = result;
    const { receipt } = result.save;
    void saveWithOneRetry(saveAction, receipt, textRead).then((status) => setSaves((s) => ({ ...s, [id]: status })));
  }, [result, saveAction]);
  const shown = result && saves[result.id] ? { ...result, save: saves[result.id]! } : result;

  const over = text.length > POST_LIMITS.maxChars;
  const linesFor = (code: string) => crisisLinesByCountry[code] ?? crisisLinesByCountry.ZZ ?? [];

  return (
    <div className="space-y-8">
      {shown ? (
        <div aria-live="polite">
          <ResultView key={shown.id} result={shown} crisisLines={linesFor(shown.country)} />
        </div>
      ) : null}

      <form action={formAction} aria-busy={pending} className="space-y-6" data-testid="self-check-form" noValidate>
        <input type="hidden" name="submissionKey" value={submissionKey} />
        <input type="hidden" name="consent" value={consent ? "yes" : "no"} />

        <div className="space-y-2">
          <Label htmlFor={ids.text}>Paste the post</Label>
          <Textarea
            id={ids.text}
            name="text"
            value={text}
            onChange={(e) => setText(e.target.value)}
            rows={8}
            spellCheck={false}
            aria-describedby={`${ids.count} ${ids.privacy}`}
            aria-invalid={over || (result?.field === "text" ? true : undefined)}
            placeholder="Paste the words of a post here, yours or someone else's."
          />
          <p id={ids.count} data-testid="char-count" className={over ? "text-sm font-medium text-crisis" : "text-sm text-muted-foreground"}>
            {numberFormat.format(text.length)} / {numberFormat.format(POST_LIMITS.maxChars)} characters
            {over ? ` · please shorten it by ${numberFormat.format(text.length - POST_LIMITS.maxChars)}` : ""}
          </p>
        </div>

        <div className="space-y-2">
          <Label htmlFor={ids.link}>Or a link to a Reddit, Mastodon or Bluesky post</Label>
          <Input
            id={ids.link}
            name="link"
            type="text"
            inputMode="url"
            autoComplete="off"
            value={link}
            onChange={(e) => setLink(e.target.value)}
            aria-invalid={result?.field === "link" ? true : undefined}
            placeholder="https://www.reddit.com/r/…/comments/…"
          />
          <p className="text-sm text-muted-foreground">If both are filled in, we read the pasted text.</p>
        </div>

        <div className="space-y-2">
          <Label htmlFor={ids.country}>Where you are (for the right crisis lines)</Label>
          <NativeSelect id={ids.country} name="country" value={country} onChange={(e) => setCountry(e.target.value)}>
            {countryOptions.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </NativeSelect>
        </div>

        <div className="flex items-start gap-3">
          <Checkbox id={ids.consent} checked={consent} onCheckedChange={(v) => setConsent(v === true)} aria-describedby={`${ids.consent}-help`} />
          <div>
            <Label htmlFor={ids.consent}>Save an anonymized copy so a clinician can review it</Label>
            <p id={`${ids.consent}-help`} className="text-sm text-muted-foreground">
              Optional. We remove names, contact details, places and exact dates first, and keep only those words, the result and the day.
            </p>
          </div>
        </div>

        <p id={ids.privacy} className="text-sm text-muted-foreground">
          <strong className="font-medium text-foreground">What happens to the text:</strong> our own model reads it on our server; it is not sent to any
          outside AI service. Unless you tick the box above, nothing about it is stored. We never keep the link, usernames, your IP address or your
          browser details.
        </p>

        <Button type="submit" size="lg" disabled={pending} className="w-full sm:w-auto">
          {pending ? "Reading…" : "Check this post"}
        </Button>
      </form>
    </div>
  );
}

// A network failure leaves it unknown whether the case was written; the submission key makes a retry safe (a case
// already saved answers with the same reference), so one retry settles most of them.
async function saveWithOneRetry(save: SavePostAction, receipt: string, text: string | undefined): Promise<SaveStatus> {
  if (!text) return { status: "failed" };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const outcome = await save(receipt, text);
      return outcome.ok ? outcome.save : { status: "failed" };
    } catch {
      if (attempt === 0) await new Promise((r) => setTimeout(r, 2_000));
    }
  }
  return { status: "failed" };
}

function failSafeResult(id: string, country: string): CheckResult {
  return {
    id: id || newSubmissionKey(),
    outcome: "unavailable",
    message: "We couldn't check this just now. Please try again in a moment. If you need to talk to someone, the lines above are there for you now.",
    country,
    showCrisis: true,
    source: "paste",
    resources: [],
    save: { status: "not_requested" },
  };
}
