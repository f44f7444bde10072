import { ContactWays } from "@/components/resources/contact-ways";
import type { Resource } from "@/lib/resources/schema";

/**
 * One verified directory entry with its ways to reach it, for outreach and the printable sheet. Contact details
 * are rendered only from the directory record (every number is written out, so it reads on paper too).
 */
export function ResourceEntry({ resource, reason }: { resource: Resource; reason?: string }) {
  return (
    <div className="rounded-[var(--radius)] border border-border bg-card p-3 text-sm break-inside-avoid" data-resource-id={resource.id}>
      <p className="font-medium">{resource.name}</p>
      <p className="text-muted-foreground">{resource.organization}</p>
      {reason ? <p className="mt-1 text-muted-foreground">{reason.charAt(0).toUpperCase() + reason.slice(1)}.</p> : null}
      <ContactWays resource={resource} variant="list" className="mt-2" />
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5">
        {resource.hours ? (
          <>
            <dt className="text-muted-foreground">Hours</dt>
            <dd>{resource.hours}</dd>
          </>
        ) : null}
        <dt className="text-muted-foreground">Cost</dt>
        <dd>{resource.cost}</dd>
      </dl>
    </div>
  );
}
