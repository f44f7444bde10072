"use server";
/**
 * Outreach batch triage actions. Each checks the OUTREACH (or ADMIN) role itself through roleAction before
 * parsing its input with zod; the page's check does not protect them, and the data layer checks again.
 * Posts are classified in memory and forgotten: only saveRow stores anything, and only the one post the
 * worker explicitly chose to save, anonymized.
 */
import { roleAction } from "@/lib/auth";
import { getDb } from "@/lib/db/client";
import { saveOutreachCase } from "@/lib/db/outreach";
import { resourcesFor } from "@/lib/outreach/resources";
import { classifyChunkInput, saveCaseInput } from "@/lib/outreach/schema";
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
