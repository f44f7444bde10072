"use server";
/**
 * Outreach batch triage actions. Each checks the OUTREACH (or ADMIN) role itself through roleAction before
 * parsing its input with zod; the page's check does not protect them, and the data layer checks again.
 * Up to largeBatchPosts posts are classified in memory and forgotten, chunk by chunk. A larger batch is uploaded in
 * parts (sealed: AES-256-GCM) and read by a background job; its posts are deleted when the job ends and its results
 * (no text) when downloaded or after 24 h. saveRow stores only the one post the worker explicitly chose to save,
 * anonymized.
 */
import { roleAction } from "@/lib/auth";
import { getDb } from "@/lib/db/client";
import { saveOutreachCase } from "@/lib/db/outreach";
import { jobRuntime } from "@/lib/jobs";
import { outreachSealKey } from "@/lib/outreach/batch-key";
import { addOutreachBatchPart, createOutreachBatch, readOutreachBatch, startOutreachBatch } from "@/lib/outreach/batch-store";
import { resourcesFor } from "@/lib/outreach/resources";
import { batchIdInput, batchPartInput, classifyChunkInput, createBatchInput, pollBatchInput, saveCaseInput } from "@/lib/outreach/schema";
import { classifyForCase, triagePosts } from "@/lib/outreach/triage";
import { limitOutreach } from "@/lib/rate-limit";

const OUTREACH_ROLES = ["OUTREACH", "ADMIN"] as const;

export const classifyChunk = roleAction(
  { name: "outreach.classifyChunk", roles: OUTREACH_ROLES, input: classifyChunkInput },
  async (input, user) => {
    await limitOutreach(user.id, input.posts.length);
    return triagePosts(input.posts, input.country, input.countries);
  },
);

export const saveRow = roleAction({ name: "outreach.saveRow", roles: OUTREACH_ROLES, input: saveCaseInput }, async (input, user) => {
  // Classified again here: what is stored never comes from numbers the browser sent.
  const classification = await classifyForCase(input.text);
  const resourcesShown = resourcesFor({ tier: classification.tier, probabilities: classification.probabilities, country: input.country }).map((r) => r.id);
  const saved = await saveOutreachCase(await getDb(), user, {
    submissionKey: input.submissionKey,
    text: input.text,
    country: input.country,
    classification,
    resourcesShown,
  });
  return { reference: saved.reference };
});

export const createBatch = roleAction({ name: "outreach.createBatch", roles: OUTREACH_ROLES, input: createBatchInput }, async (input, user) => {
  // The whole batch counts against the hourly limit before anything is stored.
  await limitOutreach(user.id, input.total);
  return createOutreachBatch(await getDb(), user, input);
});

export const addBatchPart = roleAction({ name: "outreach.addBatchPart", roles: OUTREACH_ROLES, input: batchPartInput }, async (input, user) =>
  addOutreachBatchPart(await getDb(), user, input, outreachSealKey()),
);

export const startBatch = roleAction({ name: "outreach.startBatch", roles: OUTREACH_ROLES, input: batchIdInput }, async (input, user) =>
  startOutreachBatch(await getDb(), await jobRuntime(), user, input),
);

export const pollBatch = roleAction({ name: "outreach.pollBatch", roles: OUTREACH_ROLES, input: pollBatchInput }, async (input, user) =>
  readOutreachBatch(await getDb(), user, input),
);
