import { getResource } from "@/lib/resources/directory";
import { crisisLinesFor } from "@/lib/resources/crisis";
import type { TriageResult } from "@/lib/outreach/types";
import { ResourceEntry } from "./resource-entry";

/**
 * A printable sheet to hand to the person: the worker's message and the verified services that fit.
 * It never includes the post itself. On paper everything else on the page is hidden (.no-print).
 */
export function ResourceSheet({ result, reply, country }: { result: TriageResult; reply: string; country: string }) {
  const entries = result.resources.flatMap((r) => {
    const resource = getResource(r.id);
    return resource ? [{ resource, reason: r.reason }] : [];
  });
  const crisis = crisisLinesFor(country || undefined).filter((r) => !entries.some((e) => e.resource.id === r.id));
  return (
    <section aria-labelledby="resource-sheet-title" className="resource-sheet flex flex-col gap-4 rounded-[var(--radius)] border border-border bg-card p-5" data-testid="resource-sheet">
      <h2 id="resource-sheet-title" className="text-xl font-semibold">
        Support that is here for you
      </h2>
      <p className="whitespace-pre-wrap">{reply}</p>
      <div className="grid gap-3 sm:grid-cols-2 print:grid-cols-2">
        {entries.map((e) => (
          <ResourceEntry key={e.resource.id} resource={e.resource} reason={e.reason} />
        ))}
      </div>
      {crisis.length > 0 ? (
        <div>
          <h3 className="font-semibold">If you are not safe right now</h3>
          <div className="mt-2 grid gap-3 sm:grid-cols-2 print:grid-cols-2">
            {crisis.map((r) => (
              <ResourceEntry key={r.id} resource={r} />
            ))}
          </div>
        </div>
      ) : null}
      <p className="text-xs text-muted-foreground">
        Services from Lantern&apos;s verified directory. In an emergency, call your local emergency number.
      </p>
    </section>
  );
}
