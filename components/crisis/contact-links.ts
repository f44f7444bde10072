import type { Resource } from "@/lib/resources/schema";

/**
 * Turns the directory's contact facts into tappable links. The words shown are the directory's own
 * ("111 (choose the mental health option – option 2)"); only the dialable digits are extracted for the href.
 */
export interface ContactLink {
  kind: "call" | "text" | "chat" | "web" | "email";
  label: string;
  href: string;
}

function digits(s: string): string {
  return s.replace(/[^\d+]/g, "");
}

/** "988", "13 11 14", "1-800-668-6868", "111 (choose ...)", "988 then press 2" -> the number before any words. */
export function telHref(phone: string): string | null {
  const lead = phone.match(/^\+?[\d][\d -]*\d|^\d/)?.[0];
  return lead ? `tel:${digits(lead)}` : null;
}

/** "text 988" -> sms:988; "text HOME to 741741" -> sms:741741 with the keyword as the body. */
export function smsHref(sms: string): string | null {
  const keyword = sms.match(/^text\s+([A-Z]+)\s+to\s+([\d ]+)/i);
  if (keyword?.[1] && keyword[2]) return `sms:${digits(keyword[2])}?body=${encodeURIComponent(keyword[1])}`;
  const plain = sms.match(/^text\s+([\d ]+)/i);
  return plain?.[1] ? `sms:${digits(plain[1])}` : null;
}

export function contactLinks(resource: Resource): ContactLink[] {
  const c = resource.contact;
  const links: ContactLink[] = [];
  for (const phone of [c.phone, c.phone_alt, c.phone_CA]) {
    const href = phone ? telHref(phone) : null;
    if (phone && href) links.push({ kind: "call", label: `Call ${phone}`, href });
  }
  if (c.sms) {
    const href = smsHref(c.sms);
    if (href) links.push({ kind: "text", label: c.sms.replace(/^text/i, "Text"), href });
  }
  if (c.chat_url) links.push({ kind: "chat", label: "Chat online", href: c.chat_url });
  if (c.url) links.push({ kind: "web", label: new URL(c.url).hostname.replace(/^www\./, ""), href: c.url });
  return links;
}
