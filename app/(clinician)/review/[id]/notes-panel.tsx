"use client";
import { useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/textarea";
import { NOTE_MAX } from "@/lib/review/schemas";
import { formatMoment } from "@/lib/format";
import { addNoteAction } from "../actions";

interface Note {
  id: string;
  body: string;
  createdAt: string;
  author: string;
}

export function NotesPanel({ caseId, notes, canWrite }: { caseId: string; notes: Note[]; canWrite: boolean }) {
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const form = useRef<HTMLFormElement>(null);
  return (
    <section aria-labelledby="notes-h" className="flex flex-col gap-3">
      <h2 id="notes-h" className="scroll-mt-48 text-lg font-semibold">Notes</h2>
      {notes.length === 0 ? <p className="text-sm text-muted-foreground">No notes yet.</p> : null}
      <ol className="flex flex-col gap-2" data-testid="notes">
        {notes.map((n) => (
          <li key={n.id} className="rounded-[var(--radius)] border border-border p-3 text-sm">
            <p className="whitespace-pre-wrap">{n.body}</p>
            <p className="mt-1 text-xs text-muted-foreground">
              {n.author} · {formatMoment(n.createdAt)}
            </p>
          </li>
        ))}
      </ol>
      {canWrite ? (
        <form
          ref={form}
          className="flex flex-col gap-2"
          action={(fd) =>
            start(async () => {
              const res = await addNoteAction({ caseId, body: String(fd.get("body") ?? "") });
              if (res.ok) {
                setError(null);
                form.current?.reset();
              } else setError(res.error);
            })
          }
        >
          <label htmlFor="note-body" className="text-sm font-medium">Add a note</label>
          <Textarea id="note-body" name="body" rows={3} maxLength={NOTE_MAX} required aria-describedby="note-hint" />
          <p id="note-hint" className="text-xs text-muted-foreground">
            Names, contact details, places and dates are replaced (for example by [name]) before the note is saved.
          </p>
          {error ? <p role="alert" className="text-sm">{error}</p> : null}
          <Button type="submit" disabled={pending} className="self-start">Save note</Button>
        </form>
      ) : (
        <p className="text-sm text-muted-foreground">Claim the case to add notes.</p>
      )}
    </section>
  );
}
