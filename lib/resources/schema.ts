import { z } from "zod";
import { CONDITIONS } from "@/lib/assessment/vocabulary";

/** What a directory entry can be for: the assessment's conditions, and any kind of emotional distress. */
export const RESOURCE_CONDITIONS = [...CONDITIONS, "general"] as const;
export const AUDIENCES = ["all", "youth", "lgbtq", "indigenous", "spanish", "deaf_hoh", "veterans", "postpartum"] as const;
export const RESOURCE_KINDS = ["crisis_line", "text_line", "chat", "peer_support", "education", "directory", "treatment_locator"] as const;

const httpsUrl = z.url({ protocol: /^https$/ });

export const contactSchema = z
  .object({
    phone: z.string().min(2).optional(),
    phone_alt: z.string().min(2).optional(),
    phone_CA: z.string().min(2).optional(),
    sms: z.string().min(2).optional(),
    url: httpsUrl.optional(),
    chat_url: httpsUrl.optional(),
    email: z.email().optional(),
    tty: z.string().min(2).optional(),
    videophone: z.string().min(2).optional(),
  })
  .strict()
  .refine((c) => Object.keys(c).length > 0, "an entry needs at least one way to reach it");

/** The channels a person dials or texts; each needs a `dial` entry. */
export const DIALABLE_CHANNELS = ["phone", "phone_alt", "phone_CA", "tty", "videophone", "sms"] as const;
export type DialableChannel = (typeof DIALABLE_CHANNELS)[number];

export const dialSchema = z
  .object({
    /** Exactly what the tel:/sms: link dials: digits, with a leading + for international numbers. */
    dial: z.string().regex(/^\+?\d{3,15}$/),
    /** The words on the link, as the source writes the number ("1-800-662-4357", "text HOME to 741741"). */
    label: z.string().min(2),
    /** What to do once through ("then press 2"), shown beside the link, never dialled. */
    note: z.string().min(2).optional(),
    /** The keyword a text starts with, pre-filled in the message. */
    body: z.string().regex(/^[A-Z0-9]{2,20}$/).optional(),
  })
  .strict();

/** Whether `text` writes exactly these digits as one number (spaces and dashes between them allowed). */
const writesNumber = (text: string, dial: string) =>
  new RegExp(`(?<!\\d)${dial.replace(/^\+/, "").split("").join("[\\s-]?")}(?!\\d)`).test(text);

export const resourceSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    name: z.string().min(2),
    organization: z.string().min(2),
    kind: z.enum(RESOURCE_KINDS),
    conditions: z.array(z.enum(RESOURCE_CONDITIONS)).min(1),
    audiences: z.array(z.enum(AUDIENCES)).min(1),
    // ISO 3166-1 alpha-2, or INTL for services that work anywhere.
    countries: z.array(z.string().regex(/^([A-Z]{2}|INTL)$/)).min(1),
    contact: contactSchema,
    dial: z.partialRecord(z.enum(DIALABLE_CHANNELS), dialSchema).default({}),
    hours: z.string().nullable(),
    cost: z.string(),
    languages: z.array(z.string()),
    description: z.string().min(10),
    source: z.array(httpsUrl.or(z.url())).min(1),
    verified_on: z.string().nullable(),
    notes: z.string().nullable(),
  })
  .strict()
  .superRefine((r, ctx) => {
    // Every dialable channel has its dial value, and each dial value is the sourced contact's own number.
    for (const channel of DIALABLE_CHANNELS) {
      const text = r.contact[channel];
      const dial = r.dial[channel];
      if (!text && !dial) continue;
      if (!text || !dial) {
        ctx.addIssue({ code: "custom", path: ["dial", channel], message: `${channel}: contact text and dial value must come together` });
        continue;
      }
      if (!text.includes(dial.label) || !writesNumber(dial.label, dial.dial)) {
        ctx.addIssue({ code: "custom", path: ["dial", channel], message: `${channel}: dial ${dial.dial} / label "${dial.label}" are not in "${text}"` });
      }
    }
  });

export const directorySchema = z.object({
  about: z.string(),
  copied_on: z.string(),
  entries: z.array(resourceSchema).min(1),
});

export type Resource = z.infer<typeof resourceSchema>;
export type ResourceCondition = (typeof RESOURCE_CONDITIONS)[number];
export type Audience = (typeof AUDIENCES)[number];
