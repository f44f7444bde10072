import "server-only";
import { z } from "zod";
import { classify, classifyBatch, ModelLoadError } from "@/lib/classifier";
import { servedTier } from "@/lib/classifier/crisis-words";
import { assessmentSchema, classifierOutputSchema } from "@/lib/assessment/schema";
import { UserFacingError } from "@/lib/errors";
import { countClassification, countClassificationFailure } from "@/lib/metrics";
import { resourcesFor } from "./resources";
import type { TriageModel, TriageResult } from "./types";

export const MODEL_UNAVAILABLE_MESSAGE =
  "The model that reads posts is not available right now, so these posts were not classified. Please try again in a few minutes; crisis lines are listed on this page in the meantime.";

/** The classifier's output as this feature relies on it: checked, so a contract drift fails loudly, not silently. */
const outputSchema = classifierOutputSchema;
export type Classification = z.output<typeof assessmentSchema>;

/** A missing or broken model is said in kind words; the browser then shows the crisis lines prominently. */
async function withModel<T>(run: () => Promise<unknown>, check: (out: unknown) => T): Promise<T> {
  let out: unknown;
  try {
    out = await run();
  } catch (err) {
    countClassificationFailure("outreach", err instanceof ModelLoadError ? "model_unavailable" : "failed");
    if (err instanceof ModelLoadError) throw new UserFacingError(MODEL_UNAVAILABLE_MESSAGE, { kind: "unavailable", cause: err });
    throw err;
  }
  return check(out);
}

/**
 * Classifies one chunk of posts and attaches the directory entries that fit each, for the post's own country
 * (`countries[i]`) or else the batch's. The posts are read in memory only: nothing here is stored or logged.
 */
export async function triagePosts(
  texts: readonly string[],
  country: string,
  countries?: readonly string[],
): Promise<{ results: TriageResult[]; model: TriageModel }> {
  const outputs = await withModel(
    () => classifyBatch([...texts]),
    (out) => z.array(outputSchema).length(texts.length).parse(out),
  );
  const results = outputs.map((o, i) => {
    // the tier a person would be shown: explicit crisis words raise it whatever the model says
    const { tier, reason } = servedTier(o, texts[i] ?? "");
    countClassification("outreach", tier);
    return {
      probabilities: o.probabilities,
      labels: o.labels,
      topLabel: o.topLabel,
      confidence: o.confidence,
      tier,
      tierReason: reason,
      resources: resourcesFor({ tier, probabilities: o.probabilities, country: countries?.[i] ?? country }),
    };
  });
  const model = outputs[0]?.model ?? { name: "unknown", version: "unknown" };
  return { results, model: { name: model.name, version: model.version } };
}

/**
 * One post, for saving a case: classified again on the server so stored numbers never come from the browser; the
 * stored tier is the served one, with its reason.
 */
export async function classifyForCase(text: string): Promise<Classification> {
  const { tierBasis, ...out } = await withModel(
    () => classify(text),
    (o) => outputSchema.parse(o),
  );
  const { tier, reason } = servedTier({ tier: out.tier, tierBasis }, text);
  return { ...out, tier, tierReason: reason };
}
