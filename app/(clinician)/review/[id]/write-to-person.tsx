"use client";
import { useState, useTransition } from "react";
import { ClinicianMessageView } from "@/components/follow-up/message-view";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/textarea";
import type { Resource } from "@/lib/resources/schema";
import { MESSAGE_MAX_CHARS, MAX_ATTACHED } from "@/lib/follow-up/message-limits";
import { MESSAGE_TEMPLATES } from "@/lib/follow-up/templates";
import { previewMessageAction, writeToPersonAction } from "../actions";

interface Choice {
  id: string;
  name: string;
  organization: string;
}

/**
 * "Write to the person": a template to start from, services picked from the directory by id, a preview rendered by
 * the same component the person's page uses (after the server's checks), then send. The person reads it with their
 * reference and follow-up code; Lantern has no other way to reach them.
 */
export function WriteToPerson({ caseId, canWrite, choices }: { caseId: string; canWrite: boolean; choices: Choice[] }) {
  const [body, setBody] = useState("");
  const [picked, setPicked] = useState<string[]>([]);
  const [preview, setPreview] = useState<{ body: string; resources: Resource[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const [pending, start] = useTransition();

  const edit = (f: () => void) => {
    f();
    setPreview(null);
    setSent(false);
  };
  const toggle = (id: string) => edit(() => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : p.length >= MAX_ATTACHED ? p : [...p, id])));

  if (!canWrite) {
    return (
      <section aria-labelledby="write-h" className="flex flex-col gap-2">
        <h2 id="write-h" className="text-lg font-semibold">Write to the person</h2>
        <p className="text-sm text-muted-foreground">Claim the case to write to the person.</p>
      </section>
    );
  }

  return (
    <section aria-labelledby="write-h" className="flex flex-col gap-3" data-testid="write-to-person">
      <h2 id="write-h" className="text-lg font-semibold">Write to the person</h2>
      <p className="text-sm text-muted-foreground">
        They read this on the follow-up page with their reference and code. No phone numbers, links, emails or addresses: attach services from the
        directory instead.
      </p>
      <div className="flex flex-wrap gap-2" role="group" aria-label="Start from a template">
        {MESSAGE_TEMPLATES.map((t) => (
          <Button key={t.id} type="button" variant="outline" size="sm" onClick={() => edit(() => setBody(t.body))} data-testid={`template-${t.id}`}>
            {t.label}
          </Button>
        ))}
      </div>
      <label htmlFor="person-message" className="text-sm font-medium">Message</label>
      <Textarea id="person-message" rows={6} maxLength={MESSAGE_MAX_CHARS} value={body} onChange={(e) => edit(() => setBody(e.target.value))} data-testid="person-message-body" />
      <fieldset className="flex flex-col gap-1">
        <legend className="text-sm font-medium">Attach services (up to {MAX_ATTACHED})</legend>
        <div className="max-h-48 overflow-y-auto rounded-[var(--radius)] border border-border p-2">
          {choices.map((c) => (
            <label key={c.id} className="flex items-start gap-2 py-1 text-sm">
              <input type="checkbox" className="mt-0.5 size-4" checked={picked.includes(c.id)} onChange={() => toggle(c.id)} value={c.id} data-testid={`attach-${c.id}`} />
              <span>
                {c.name} <span className="text-muted-foreground">({c.organization})</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      {error ? <p role="alert" className="rounded-[var(--radius)] bg-muted p-2 text-sm" data-testid="write-error">{error}</p> : null}
      <div className="flex gap-2">
        <Button
          type="button"
          variant="outline"
          disabled={pending || !body.trim()}
          data-testid="message-preview"
          onClick={() =>
            start(async () => {
              const res = await previewMessageAction({ caseId, body, resourceIds: picked });
              setSent(false);
              if (res.ok) {
                setError(null);
                setPreview(res.data);
              } else {
                setPreview(null);
                setError(res.error);
              }
            })
          }
        >
          Preview
        </Button>
        <Button
          type="button"
          disabled={pending || !preview}
          data-testid="message-send"
          onClick={() =>
            start(async () => {
              const res = await writeToPersonAction({ caseId, body, resourceIds: picked });
              if (res.ok) {
                setError(null);
                setPreview(null);
                setBody("");
                setPicked([]);
                setSent(true);
              } else setError(res.error);
            })
          }
        >
          Send to the person
        </Button>
      </div>
      {sent ? <p role="status" className="text-sm" data-testid="message-sent">Sent. The person sees it when they next open their case.</p> : null}
      {preview ? (
        <div className="flex flex-col gap-1" data-testid="message-preview-view">
          <p className="text-xs font-medium uppercase tracking-wide text-muted-foreground">Preview: what the person will see</p>
          <ClinicianMessageView body={preview.body} resources={preview.resources} />
        </div>
      ) : null}
    </section>
  );
}
