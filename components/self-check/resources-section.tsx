import { ResourceCard } from "@/components/resources/resource-card";
import { StreamedResources } from "@/components/resources/streamed-resources";
import type { CheckResult } from "@/lib/self-check/types";

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
          <li key={resource.id}>
            <ResourceCard resource={resource} reason={reason} />
          </li>
        ))}
      </ul>
    </section>
  );
}
