import { z } from "zod";

/**
 * The shape a model writes a support message in, and the events the page receives. The model chooses services by
 * id from the case's ranked candidates (an enum, so a provider with structured outputs cannot even express another
 * id) and writes only the words around them; every name, number, link and hour on the page comes from the directory.
 */

export const OPENING_MAX_CHARS = 1200;
export const WHY_MAX_CHARS = 400;
export const CLOSING_MAX_CHARS = 800;

export function supportMessageSchema(ids: readonly [string, ...string[]]) {
  return z.object({
    opening: z.string().max(OPENING_MAX_CHARS).describe("Two or three warm sentences that acknowledge what the post seems to carry."),
    picks: z
      .array(
        z.object({
          id: z.enum(ids).describe("The id of one candidate service, exactly as listed."),
          why: z.string().max(WHY_MAX_CHARS).describe("One or two sentences on why this service fits this person. No contact details, no names."),
        }),
      )
      .max(ids.length),
    closing: z.string().max(CLOSING_MAX_CHARS).describe("One or two sentences with a concrete, gentle next step."),
  });
}

export interface SupportMessage {
  opening: string;
  picks: { id: string; why: string }[];
  closing: string;
}

const resourceId = z.string().regex(/^[a-z0-9-]+$/).max(80);

/** One line of the resources stream (NDJSON): released text is final; nothing is ever taken back. */
export const supportEventSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("text"), field: z.enum(["opening", "closing"]), text: z.string().max(CLOSING_MAX_CHARS + OPENING_MAX_CHARS) }),
  z.object({ type: z.literal("pick"), id: resourceId }),
  z.object({ type: z.literal("why"), id: resourceId, text: z.string().max(WHY_MAX_CHARS) }),
  z.object({ type: z.literal("end") }),
]);

export type SupportEvent = z.infer<typeof supportEventSchema>;
