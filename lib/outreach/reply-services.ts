import { contactChannels } from "@/lib/resources/contact-channels";
import { getResource } from "@/lib/resources/directory";

/**
 * What "Copy reply" puts on the clipboard: the worker's reply, then each chosen service with its ways in. Every
 * name, number and address comes from the verified directory by id, never from typed text, so the reply's "the
 * lines listed below" always has lines below it. Chat and web addresses are written in full, as a pasted reply
 * has no links.
 */
export function replyWithServices(reply: string, resourceIds: readonly string[]): string {
  const services = resourceIds.flatMap((id) => {
    const r = getResource(id);
    if (!r) return [];
    const ways = contactChannels(r).map((c) => {
      const label = c.kind === "chat" ? `Chat online: ${c.href}` : c.kind === "web" ? c.href! : c.label;
      return c.note ? `${label} (${c.note})` : label;
    });
    return [`- ${r.name}: ${ways.join(" · ")}${r.hours ? ` (${r.hours})` : ""}`];
  });
  const text = reply.trim();
  return services.length ? `${text}\n\n${services.join("\n")}` : text;
}
