import { crisisLinesFor } from "@/lib/resources/crisis";
import { ResourceEntry } from "./resource-entry";

/**
 * The crisis lines for the chosen country, from plain directory data: shown before any post is classified
 * and whatever the model or the network does, so help for someone at risk never waits on either.
 */
export function CrisisLines({ country, emphasis, message }: { country: string; emphasis: boolean; message?: string }) {
  const lines = crisisLinesFor(country || undefined);
  return (
    <section
      aria-labelledby="crisis-lines-title"
      data-testid="crisis-lines"
      className={
        emphasis
          ? "rounded-[var(--radius)] border-2 border-crisis-border bg-crisis-surface p-4"
          : "rounded-[var(--radius)] border border-border bg-card p-4"
      }
    >
      <h2 id="crisis-lines-title" className={emphasis ? "font-semibold text-crisis" : "font-semibold"}>
        If someone may be in danger right now
      </h2>
      {message ? <p className="mt-1 text-sm">{message}</p> : null}
      <p className="mt-1 text-sm text-muted-foreground">
        These lines are free and confidential. If someone is in immediate danger, call the local emergency number.
      </p>
      <div className="mt-3 grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
        {lines.map((r) => (
          <ResourceEntry key={r.id} resource={r} />
        ))}
      </div>
    </section>
  );
}
