import { ExternalLink } from "lucide-react";
import { contactLinks } from "@/components/crisis/contact-links";
import type { Resource } from "@/lib/resources/schema";

/** One verified directory entry. Every contact detail on it comes from the directory, never from generated text. */
export function ResourceCard({ resource, reason }: { resource: Resource; reason?: string }) {
  const external = (kind: string) => kind === "web" || kind === "chat";
  return (
    <div data-testid="resource-card" data-resource-id={resource.id} className="rounded-[var(--radius)] border border-border bg-card p-4">
      <p className="font-medium">{resource.name}</p>
      <p className="text-sm text-muted-foreground">{resource.organization}</p>
      <p className="mt-2 text-sm">{resource.description}</p>
      {reason ? <p className="mt-1 text-sm text-muted-foreground">{reason}</p> : null}
      <div className="mt-3 flex flex-wrap gap-x-4 gap-y-2 text-sm">
        {contactLinks(resource).map((link) => (
          <a
            key={link.href}
            href={link.href}
            {...(external(link.kind) ? { target: "_blank", rel: "noopener noreferrer" } : {})}
            className="inline-flex min-h-6 items-center gap-1 font-medium text-primary underline underline-offset-4"
          >
            {link.label}
            {external(link.kind) ? <ExternalLink className="size-3.5" aria-hidden /> : null}
          </a>
        ))}
      </div>
      <p className="mt-2 text-xs text-muted-foreground">{[resource.hours, resource.cost].filter(Boolean).join(" · ")}</p>
    </div>
  );
}
