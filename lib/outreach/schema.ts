import { z } from "zod";
import { OUTREACH_LIMITS } from "./config";

/** One post as the server actions accept it: already cut to maxPostChars by the browser (with a notice). */
export const postTextSchema = z
  .string()
  .max(OUTREACH_LIMITS.maxPostChars, `A post can be at most ${OUTREACH_LIMITS.maxPostChars.toLocaleString("en-US")} characters.`)
  .refine((t) => t.trim().length > 0, "A post cannot be empty.");

/** Country for the directory, or "" when the worker did not choose one (international services only). */
export const countrySchema = z.union([z.literal(""), z.string().regex(/^[A-Z]{2}$/)]);

export const classifyChunkInput = z
  .object({
    posts: z.array(postTextSchema).min(1).max(OUTREACH_LIMITS.chunkSize),
    /** The batch's country: for every post without its own. */
    country: countrySchema,
    /** Each post's own country (from a CSV column), in the order of `posts`. */
    countries: z.array(countrySchema).max(OUTREACH_LIMITS.chunkSize).optional(),
    /** Posts in the whole batch, as the browser declares it: a clear refusal for a tampered client, not a quota. */
    batchSize: z.number().int().min(1).max(OUTREACH_LIMITS.maxRows),
  })
  .refine((i) => i.countries === undefined || i.countries.length === i.posts.length, {
    message: "Send one country for each post.",
    path: ["countries"],
  });
export type ClassifyChunkInput = z.infer<typeof classifyChunkInput>;

export const saveCaseInput = z.object({
  text: postTextSchema,
  country: countrySchema,
  /** Chosen by the browser once per row, so a double click or a retry saves one case, not two. */
  submissionKey: z.uuid(),
  /** The worker ticked the box to save an anonymized copy for clinician review: saving is never implicit. */
  confirmed: z.literal(true),
});
export type SaveCaseInput = z.infer<typeof saveCaseInput>;

/** A batch over largeBatchPosts posts, announced before its parts are sent. */
export const createBatchInput = z.object({
  total: z
    .number()
    .int()
    .min(OUTREACH_LIMITS.largeBatchPosts + 1)
    .max(OUTREACH_LIMITS.maxRows),
  country: countrySchema,
});

export const batchPartInput = z.object({
  batchId: z.uuid(),
  part: z.number().int().min(0).max(OUTREACH_LIMITS.maxRows),
  firstIndex: z.number().int().min(0).max(OUTREACH_LIMITS.maxRows - 1),
  posts: z.array(postTextSchema).min(1).max(OUTREACH_LIMITS.maxRows),
  /** The country whose services each post gets (its own, else the batch's); as many as posts. */
  countries: z.array(countrySchema).max(OUTREACH_LIMITS.maxRows).optional(),
}).refine((p) => !p.countries || p.countries.length === p.posts.length, { message: "Send one country for each post.", path: ["countries"] });

export const batchIdInput = z.object({ batchId: z.uuid() });

/** `received`: how many results, from the first, have reached the page (they are deleted on the server now). */
export const pollBatchInput = z.object({
  batchId: z.uuid(),
  received: z.number().int().min(0).max(OUTREACH_LIMITS.maxRows),
});
