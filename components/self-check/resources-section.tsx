import { ExternalLink } from "lucide-react";
import { contactLinks } from "@/components/crisis/contact-links";
import { StreamedResources } from "@/components/resources/StreamedResources";
import type { CheckResult } from "./types";

/**
 * Where to turn, after the result. With a model result: the resources feature's personalised, streamed message with
 * verified directory cards (components/resources, issue 3). Without one (other language, model unavailable): the
 * directory entries ranked on the server for the country, so there is always somewhere to turn.
 * The crisis card is never in here: it renders above, independent of this section.
 */
export function ResourcesSection({ result }: { result: CheckResult }) {
  const analysis = result.analysis;
  if (analysis && result.textRead) {
    return (
      <section aria-labelledby="resources-heading" data-testid="resources-section" className="space-y-3">
        <h2 id="resources-heading" className="text-lg font-semibold">
          Places that can help
        </h2>
        <StreamedResources
          key={result.id}
          text={result.textRead}
          conditions={analysis.probabilities}
          tier={analysis.tier}
          confidence={analysis.confidence}
          country={result.country === "ZZ" ? undefined : result.country}
        />
      </section>
    );
  }
  if (result.resources.length === 0) return null;
  return (
    <section aria-labelledby="resources-heading" data-testid="resources-section" className="space-y-3">
      <h2 id="resources-heading" className="text-lg font-semibold">
        Places that can help
      </h2>
      <p className="text-sm text-muted-foreground">From our checked directory. Every number and link here comes from the organisation&apos;s own published details.</p>
      <ul className="space-y-3">
        {result.resources.map(({ resource, reason }) => (
          <li key={resource.id} data-resource-id={resource.id} className="rounded-[var(--radius)] border border-border bg-card p-4">
            <p className="font-medium">{resource.name}</p>
            <p className="text-sm text-muted-foreground">{resource.organization}</p>
            <p className="mt-2 text-sm">{resource.description}</p>
            {reason ? <p className="mt-1 text-sm text-muted-foreground">{reason}</p> : null}
            <div className="mt-3 flex flex-wrap gap-x-4 gap-y-2 text-sm">
              {contactLinks(resource).map((link) => (
                <a
                  key={link.href}
                  href={link.href}
                  {...(link.kind === "web" || link.kind === "chat" ? { target: "_blank", rel: "noopener noreferrer" } : {})}
                  className="inline-flex min-h-6 items-center gap-1 font-medium text-primary underline underline-offset-4"
                >
                  {link.label}
                  {link.kind === "web" || link.kind === "chat" ? <ExternalLink className="size-3.5" aria-hidden /> : null}
                </a>
              ))}
            </div>
            <p className="mt-2 text-xs text-muted-foreground">{[resource.hours, resource.cost].filter(Boolean).join(" · ")}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
