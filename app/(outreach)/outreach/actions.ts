"use server";
/**
 * Outreach batch triage actions. Each checks the OUTREACH (or ADMIN) role itself through roleAction before
 * parsing its input with zod; the page's check does not protect them. Posts are classified in memory and
 * forgotten: only saveRow stores anything, and only what the worker explicitly chose to save, anonymized.
 */
import { roleAction } from "@/lib/auth";
import { getDb } from "@/lib/db/client";
import { recordAudit } from "@/lib/db/audit";
import { saveCase } from "@/lib/db/cases";
import { classifyChunkInput, saveCaseInput } from "@/lib/outreach/schema";
import { resourcesFor } from "@/lib/outreach/resources";
import { classifyForCase, triagePosts } from "@/lib/outreach/triage";

const OUTREACH_ROLES = ["OUTREACH", "ADMIN"] as const;

export const classifyChunk = roleAction(
  { name: "outreach.classifyChunk", roles: OUTREACH_ROLES, input: classifyChunkInput },
  async (input) => triagePosts(input.posts, input.country),
);

export const saveRow = roleAction({ name: "outreach.saveRow", roles: OUTREACH_ROLES, input: saveCaseInput }, async (input, user) => {
  const classification = await classifyForCase(input.text);
  const resourcesShown = resourcesFor({ tier: classification.tier, probabilities: classification.probabilities, country: input.country }).map((r) => r.id);
  const db = await getDb();
  const saved = await saveCase(db, {
    submissionKey: input.submissionKey,
    text: input.text,
    classification,
    resourcesShown,
    country: input.country || "ZZ",
  });
  if (saved.created) await recordAudit(db, { actor: user, action: "outreach.case.save", details: { reference: saved.reference } });
  return { reference: saved.reference };
});
