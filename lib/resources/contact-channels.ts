import type { DialableChannel, Resource } from "./schema";

/**
 * The ways to reach one directory entry, in the order every page shows them. Hrefs come only from the entry's
 * `dial` values (never from its display text): "111 (choose the mental health option – option 2)" dials 111
 * and shows the option as a note. TTY and videophone numbers are shown but not linked: a phone's dialler is
 * the wrong device for them.
 */
export interface ContactChannel {
  kind: "call" | "text" | "tty" | "videophone" | "chat" | "web" | "email";
  /** Which directory field it comes from (for tests that check every link against the directory). */
  channel: DialableChannel | "chat_url" | "url" | "email";
  label: string;
  href: string | null;
  note: string | null;
}

const CALL_LABELS: Record<"phone" | "phone_alt" | "phone_CA", string> = { phone: "Call", phone_alt: "Or call", phone_CA: "Call (Canada)" };

export const telHref = (dial: string) => `tel:${dial}`;
export const smsHref = (dial: string, body?: string) => `sms:${dial}${body ? `?body=${encodeURIComponent(body)}` : ""}`;

export function contactChannels(resource: Resource): ContactChannel[] {
  const { contact: c, dial } = resource;
  const out: ContactChannel[] = [];
  for (const channel of ["phone", "phone_alt", "phone_CA"] as const) {
    const d = dial[channel];
    if (d) out.push({ kind: "call", channel, label: `${CALL_LABELS[channel]} ${d.label}`, href: telHref(d.dial), note: d.note ?? null });
  }
  if (dial.sms) out.push({ kind: "text", channel: "sms", label: dial.sms.label.replace(/^text\b/i, "Text"), href: smsHref(dial.sms.dial, dial.sms.body), note: dial.sms.note ?? null });
  if (dial.tty) out.push({ kind: "tty", channel: "tty", label: `TTY ${dial.tty.label}`, href: null, note: dial.tty.note ?? null });
  if (dial.videophone) out.push({ kind: "videophone", channel: "videophone", label: `Videophone ${dial.videophone.label}`, href: null, note: dial.videophone.note ?? null });
  if (c.chat_url) out.push({ kind: "chat", channel: "chat_url", label: "Chat online", href: c.chat_url, note: null });
  if (c.url) out.push({ kind: "web", channel: "url", label: new URL(c.url).hostname.replace(/^www\./, ""), href: c.url, note: null });
  if (c.email) out.push({ kind: "email", channel: "email", label: c.email, href: `mailto:${c.email}`, note: null });
  return out;
}
