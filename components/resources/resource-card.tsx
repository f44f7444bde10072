import type { Resource } from "@/lib/resources/schema";
import { ContactWays } from "./contact-ways";

/** One verified directory entry. Every contact detail on it comes from the directory, never from generated text. */
export function ResourceCard({ resource, reason }: { resource: Resource; reason?: string }) {
  return (
    <div data-testid="resource-card" data-resource-id={resource.id} className="rounded-[var(--radius)] border border-border bg-card p-4">
      <p className="font-medium">{resource.name}</p>
      <p className="text-sm text-muted-foreground">{resource.organization}</p>
      <p className="mt-2 text-sm">{resource.description}</p>
      {reason ? <p className="mt-1 text-sm text-muted-foreground">{reason}</p> : null}
      <ContactWays resource={resource} variant="inline" className="mt-3" />
      <p className="mt-2 text-xs text-muted-foreground">{[resource.hours, resource.cost].filter(Boolean).join(" · ")}</p>
    </div>
  );
}
