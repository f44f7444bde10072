import { ResourceCard } from "@/components/resources/resource-card";
import type { Resource } from "@/lib/resources/schema";

/**
 * A clinician's message as the person sees it: the checked words, then the attached services drawn from the verified
 * directory. The case page's preview renders this same component.
 */
export function ClinicianMessageView({ body, resources, day }: { body: string; resources: readonly Resource[]; day?: string }) {
  return (
    <article data-testid="clinician-message" className="space-y-3 rounded-[var(--radius)] border border-border bg-card p-4">
      <p className="text-sm font-medium text-muted-foreground">A clinician wrote{day ? ` on ${day}` : ""}:</p>
      <p className="whitespace-pre-line text-base">{body}</p>
      {resources.length > 0 ? (
        <div className="space-y-2">
          <p className="text-sm font-medium">Services they suggest</p>
          {resources.map((r) => (
            <ResourceCard key={r.id} resource={r} />
          ))}
        </div>
      ) : null}
    </article>
  );
}

export function PersonMessageView({ body, day }: { body: string; day: string }) {
  return (
    <article data-testid="person-message" className="space-y-1 rounded-[var(--radius)] bg-muted p-4">
      <p className="text-sm font-medium text-muted-foreground">You wrote on {day} (as saved, anonymized):</p>
      <p className="whitespace-pre-line text-base">{body}</p>
    </article>
  );
}
