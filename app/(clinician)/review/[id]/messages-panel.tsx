import { ClinicianMessageView } from "@/components/follow-up/message-view";
import type { CaseMessageRow } from "@/lib/db/case-messages";
import { resourcesByIds } from "@/lib/follow-up/person";

/** The conversation with the person, oldest first: their replies (anonymized) and what clinicians sent them. */
export function MessagesPanel({ messages, personWroteBack }: { messages: CaseMessageRow[]; personWroteBack: boolean }) {
  return (
    <section aria-labelledby="thread-h" className="rounded-[var(--radius)] border border-border bg-card p-4" data-testid="case-messages">
      <h2 id="thread-h" className="mb-2 flex items-center gap-2 text-lg font-semibold">
        Messages with the person
        {personWroteBack ? (
          <span className="rounded bg-accent px-2 py-0.5 text-sm font-medium text-accent-foreground" data-testid="person-wrote-back">
            Person wrote back
          </span>
        ) : null}
      </h2>
      {messages.length === 0 ? (
        <p className="text-sm text-muted-foreground">No messages yet. The person can read and answer a message with their reference and follow-up code.</p>
      ) : (
        <ol className="flex flex-col gap-3">
          {messages.map((m) => (
            <li key={m.id}>
              {m.author === "clinician" ? (
                <div className="flex flex-col gap-1">
                  <p className="text-xs text-muted-foreground">Sent by {m.clinician ?? "a former clinician"}</p>
                  <ClinicianMessageView body={m.body} resources={resourcesByIds(m.resourceIds)} day={m.day} />
                </div>
              ) : (
                <article data-testid="person-reply" className="rounded-[var(--radius)] bg-muted p-3 text-sm">
                  <p className="text-xs text-muted-foreground">The person wrote on {m.day} (anonymized):</p>
                  <p className="whitespace-pre-wrap">{m.body}</p>
                </article>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
