import type { Resource } from "@/lib/resources/schema";

/**
 * One verified directory entry with its ways to reach it. Contact details are rendered only from the
 * directory record, never from any other text.
 */
export function ResourceEntry({ resource, reason }: { resource: Resource; reason?: string }) {
  const c = resource.contact;
  const ways: { label: string; value: string; href?: string }[] = [];
  if (c.phone) ways.push({ label: "Call", value: c.phone, href: `tel:${c.phone.replace(/[^\d+]/g, "")}` });
  if (c.phone_alt) ways.push({ label: "Or call", value: c.phone_alt, href: `tel:${c.phone_alt.replace(/[^\d+]/g, "")}` });
  if (c.phone_CA) ways.push({ label: "Call (Canada)", value: c.phone_CA, href: `tel:${c.phone_CA.replace(/[^\d+]/g, "")}` });
  if (c.sms) ways.push({ label: "Text", value: c.sms });
  if (c.tty) ways.push({ label: "TTY", value: c.tty });
  if (c.videophone) ways.push({ label: "Videophone", value: c.videophone });
  if (c.chat_url) ways.push({ label: "Chat", value: c.chat_url, href: c.chat_url });
  if (c.url) ways.push({ label: "Website", value: c.url, href: c.url });
  if (c.email) ways.push({ label: "Email", value: c.email, href: `mailto:${c.email}` });

  return (
    <div className="rounded-[var(--radius)] border border-border bg-card p-3 text-sm break-inside-avoid" data-resource-id={resource.id}>
      <p className="font-medium">{resource.name}</p>
      <p className="text-muted-foreground">{resource.organization}</p>
      {reason ? <p className="mt-1 text-muted-foreground">{reason.charAt(0).toUpperCase() + reason.slice(1)}.</p> : null}
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5">
        {ways.map((w) => (
          <div key={w.label} className="contents">
            <dt className="text-muted-foreground">{w.label}</dt>
            <dd className="break-all">
              {w.href ? (
                <a className="text-primary underline underline-offset-2" href={w.href} target={w.href.startsWith("http") ? "_blank" : undefined} rel="noreferrer">
                  {w.value}
                </a>
              ) : (
                w.value
              )}
            </dd>
          </div>
        ))}
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
