import { z } from "zod";

export const CONDITIONS = ["depression", "anxiety", "bipolar", "suicidal", "general"] as const;
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

export const resourceSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    name: z.string().min(2),
    organization: z.string().min(2),
    kind: z.enum(RESOURCE_KINDS),
    conditions: z.array(z.enum(CONDITIONS)).min(1),
    audiences: z.array(z.enum(AUDIENCES)).min(1),
    // ISO 3166-1 alpha-2, or INTL for services that work anywhere.
    countries: z.array(z.string().regex(/^([A-Z]{2}|INTL)$/)).min(1),
    contact: contactSchema,
    hours: z.string().nullable(),
    cost: z.string(),
    languages: z.array(z.string()),
    description: z.string().min(10),
    source: z.array(httpsUrl.or(z.url())).min(1),
    verified_on: z.string().nullable(),
    notes: z.string().nullable(),
  })
  .strict();

export const directorySchema = z.object({
  about: z.string(),
  copied_on: z.string(),
  entries: z.array(resourceSchema).min(1),
});

export type Resource = z.infer<typeof resourceSchema>;
export type ResourceCondition = (typeof CONDITIONS)[number];
export type Audience = (typeof AUDIENCES)[number];
