/**
 * The self-check's inputs, parsed with zod at both doors (the page's server actions and /api/self-check). Client-safe.
 */
import { z } from "zod";

export const selfCheckInputSchema = z.object({
  // Generous bounds here; checkPostText applies the documented limit with a kind message.
  text: z.string().max(1_000_000).optional().default(""),
  link: z.string().max(10_000).optional().default(""),
  country: z.string().max(10).optional(),
  consent: z.boolean().default(false),
  submissionKey: z.uuid(),
  saveLater: z.boolean().default(false),
});
export type SelfCheckInput = z.input<typeof selfCheckInputSchema>;

export const saveCheckInputSchema = z.object({
  receipt: z.string().min(1).max(64_000),
  // The words exactly as the answer's textRead gave them back (checkPostText's limit applies upstream).
  text: z.string().min(1).max(1_000_000),
});
