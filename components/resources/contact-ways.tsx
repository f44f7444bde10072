import { Globe, Mail, MessageSquareText, MessagesSquare, Phone, Video, Keyboard } from "lucide-react";
import { contactChannels, type ContactChannel } from "@/lib/resources/contact-channels";
import type { Resource } from "@/lib/resources/schema";
import { cn } from "@/lib/utils";

const ICONS: Record<ContactChannel["kind"], typeof Phone> = { call: Phone, text: MessageSquareText, chat: MessagesSquare, web: Globe, email: Mail, tty: Keyboard, videophone: Video };

const STYLES = {
  // The crisis card: large tappable buttons.
  buttons: {
    list: "flex flex-wrap gap-2",
    link: "inline-flex min-h-11 items-center gap-2 rounded-[var(--radius)] border border-crisis-border bg-card px-3 py-2 text-sm font-medium text-crisis underline-offset-4 hover:underline focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring",
  },
  // Resource cards on the self-check and the case page.
  inline: {
    list: "flex flex-wrap gap-x-4 gap-y-2 text-sm",
    link: "inline-flex min-h-6 items-center gap-1 font-medium text-primary underline underline-offset-4",
  },
  // Outreach entries and the printable sheet: every number also readable on paper.
  list: {
    list: "flex flex-col gap-0.5 text-sm",
    link: "inline-flex items-center gap-1 text-primary underline underline-offset-2 break-all",
  },
} as const;

/**
 * The one renderer of a directory entry's contact details, for every page that shows them (crisis card,
 * self-check, outreach, the printable sheet, the case page). Links are built from the directory's dial values
 * only (lib/resources/contact-channels.ts).
 */
export function ContactWays({ resource, variant, className }: { resource: Resource; variant: keyof typeof STYLES; className?: string }) {
  const style = STYLES[variant];
  return (
    <ul className={cn(style.list, className)} data-contacts-for={resource.id}>
      {contactChannels(resource).map((c) => {
        const Icon = ICONS[c.kind];
        const external = c.kind === "web" || c.kind === "chat";
        const content = (
          <>
            <Icon className="size-4 shrink-0" aria-hidden />
            {c.label}
          </>
        );
        return (
          <li key={`${c.channel}-${c.label}`} className="flex flex-wrap items-center gap-x-2">
            {c.href ? (
              <a href={c.href} data-channel={c.channel} className={style.link} {...(external ? { target: "_blank", rel: "noopener noreferrer" } : {})}>
                {content}
              </a>
            ) : (
              <span className="inline-flex items-center gap-1" data-channel={c.channel}>
                {content}
              </span>
            )}
            {c.note ? <span className="text-sm text-muted-foreground">({c.note})</span> : null}
          </li>
        );
      })}
    </ul>
  );
}
