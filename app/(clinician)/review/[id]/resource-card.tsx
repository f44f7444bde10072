import { ContactWays } from "@/components/resources/contact-ways";
import { getResource } from "@/lib/resources/directory";

/** A directory entry as the person saw it. Contact details come only from the verified directory. */
export function ResourceCard({ id }: { id: string }) {
  const r = getResource(id);
  if (!r) {
    return (
      <li className="rounded-[var(--radius)] border border-border p-3 text-sm text-muted-foreground">
        A resource that is no longer in the directory ({id}).
      </li>
    );
  }
  return (
    <li className="rounded-[var(--radius)] border border-border p-3 text-sm" data-resource-id={r.id}>
      <p className="font-medium">{r.name}</p>
      <p className="text-muted-foreground">{r.organization}</p>
      <ContactWays resource={r} variant="inline" className="mt-1" />
      {r.hours ? <p className="text-xs text-muted-foreground">{r.hours}</p> : null}
    </li>
  );
}
