import "server-only";
import { z } from "zod";
import { findIdentifiers, type RedactionKind } from "@/lib/anonymize";
import { namesKey } from "@/lib/ai/filter/contact-rules";
import { FieldFilter } from "@/lib/ai/filter/field-filter";
import type { RemovalCounts, RemovalKind } from "@/lib/ai/filter/judge-sentence";
import { getResource } from "@/lib/resources/directory";
import type { Resource } from "@/lib/resources/schema";
import { MAX_ATTACHED, MESSAGE_MAX_CHARS } from "./message-limits";

/**
 * A clinician's message to the person, checked before it is previewed or sent. It passes the same sentence filter
 * as a language model's words (lib/ai/filter): no number, link, email, address, spelled-out contact, instruction to
 * contact anyone but the services attached, or service name that is not attached. Every contact the person sees is
 * a directory entry picked by id. Then the anonymizer: a message naming a person, place or other identifier is
 * refused rather than silently changed, so the preview is exactly what the person reads.
 */
export { MESSAGE_MAX_CHARS, MAX_ATTACHED };

export const clinicianMessageSchema = z.object({
  body: z
    .string()
    .trim()
    .min(1, "Please write a message first.")
    .max(MESSAGE_MAX_CHARS, `Please keep the message under ${MESSAGE_MAX_CHARS.toLocaleString("en-US")} characters.`),
  resourceIds: z.array(z.string().max(100)).max(MAX_ATTACHED, `Attach at most ${MAX_ATTACHED} services.`).default([]),
});
export type ClinicianMessageInput = z.input<typeof clinicianMessageSchema>;

export type PreparedMessage = { ok: true; body: string; resources: Resource[] } | { ok: false; message: string };

const REASONS: Partial<Record<RemovalKind, string>> = {
  digits: "a number",
  number_words: "a number written in words",
  spelled_letters: "letters spelled out one by one",
  address: "a web or street address",
  email: "an email address",
  contact_instruction: "an instruction to contact someone other than the attached services",
  keyword: "a capitalised keyword",
  unknown_service: "the name of a service that is not attached",
  directory_override: "words that cast doubt on the verified services",
  markup: "markup or a link",
  overlong: "a very long sentence",
  method: "a means of self-harm",
  diagnosis: "a diagnosis",
  confidentiality: "a promise of secrecy",
};

const KIND_WORDS: Record<RedactionKind, string> = {
  url: "a link",
  handle: "a username",
  email: "an email address",
  ip: "a network address",
  date: "a date",
  age: "an age",
  id: "an identifying number",
  phone: "a phone number",
  address: "a street address",
  postcode: "a postcode",
  name: "a name",
  place: "a place",
  organization: "an organisation",
};

export function prepareClinicianMessage(raw: unknown): PreparedMessage {
  const parsed = clinicianMessageSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? "Please check the message." };
  const ids = [...new Set(parsed.data.resourceIds)];
  const resources = ids.map((id) => getResource(id));
  if (resources.some((r) => !r)) return { ok: false, message: "One of the attached services is not in the directory any more. Please pick again." };
  const attached = resources as Resource[];

  const removed: RemovalCounts = {};
  const names = attached.flatMap((r) => [r.name, r.organization]);
  const filter = new FieldFilter(namesKey(names), removed, MESSAGE_MAX_CHARS * 2);
  const shown = filter.update(parsed.data.body, true);
  const kinds = Object.keys(removed) as RemovalKind[];
  if (kinds.length > 0) {
    const what = [...new Set(kinds.map((k) => REASONS[k] ?? "something Lantern can't show"))].join(", ");
    return {
      ok: false,
      message:
        `The message holds ${what}. Contact details reach the person only as the directory services you attach, ` +
        "so please take it out and attach the service instead.",
    };
  }
  // The attached services' own names may appear: they are what the person is meant to see.
  const attachedNames = names.join(" | ").toLowerCase();
  const found = findIdentifiers(shown);
  const spans = found.spans.filter((s) => !attachedNames.includes(found.source.slice(s.start, s.end).toLowerCase()));
  if (spans.length > 0) {
    const what = [...new Set(spans.map((s) => KIND_WORDS[s.kind]))].join(", ");
    return { ok: false, message: `The message seems to hold ${what}. Please leave identifiers out: the person sees only what Lantern can show safely.` };
  }
  return { ok: true, body: shown, resources: attached };
}
