import "server-only";
import { z } from "zod";
import { classificationSchema } from "@/lib/db/cases";
import { UserFacingError } from "@/lib/errors";
import { resourcesFor } from "./resources";
import type { TriageModel, TriageResult } from "./types";

export const MODEL_UNAVAILABLE_MESSAGE =
  "The model that reads posts is not available right now, so these posts were not classified. Please try again in a few minutes; crisis lines are listed on this page in the meantime.";

/** The classifier's output as this feature relies on it: checked, so a contract drift fails safe, not silently. */
const outputSchema = classificationSchema.extend({ confidence: z.enum(["high", "moderate", "low"]) });
export type Classification = z.output<typeof outputSchema>;

interface ClassifierModule {
  classify(text: string): Promise<unknown>;
  classifyBatch(texts: string[]): Promise<unknown[]>;
  ModelLoadError: new (...args: never[]) => Error;
}

// lib/classifier lands with the model (classifier issue); until it is importable every batch fails safe with the
// kind message above. The import becomes static once the module is committed.
const CLASSIFIER_MODULE = "@/lib/classifier";

async function loadClassifier(): Promise<ClassifierModule> {
  try {
    return (await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ CLASSIFIER_MODULE)) as ClassifierModule;
  } catch (err) {
    throw new UserFacingError(MODEL_UNAVAILABLE_MESSAGE, { kind: "unavailable", cause: err });
  }
}

/** A missing or broken model is said in kind words; the browser then shows the crisis lines prominently. */
async function withModel<T>(run: (mod: ClassifierModule) => Promise<unknown>, check: (out: unknown) => T): Promise<T> {
  const mod = await loadClassifier();
  let out: unknown;
  try {
    out = await run(mod);
  } catch (err) {
    if (err instanceof mod.ModelLoadError) throw new UserFacingError(MODEL_UNAVAILABLE_MESSAGE, { kind: "unavailable", cause: err });
    throw err;
  }
  return check(out);
}

/**
 * Classifies one chunk of posts and attaches the directory entries that fit each. The posts are read in
 * memory only: nothing here is stored or logged.
 */
export async function triagePosts(texts: readonly string[], country: string): Promise<{ results: TriageResult[]; model: TriageModel }> {
  const outputs = await withModel(
    (mod) => mod.classifyBatch([...texts]),
    (out) => z.array(outputSchema).length(texts.length).parse(out),
  );
  const results = outputs.map((o) => ({
    probabilities: o.probabilities,
    labels: o.labels,
    topLabel: o.topLabel,
    confidence: o.confidence,
    tier: o.tier,
    resources: resourcesFor({ tier: o.tier, probabilities: o.probabilities, country }),
  }));
  const model = outputs[0]?.model ?? { name: "unknown", version: "unknown" };
  return { results, model: { name: model.name, version: model.version } };
}

/** One post, for saving a case: classified again on the server so stored numbers never come from the browser. */
export function classifyForCase(text: string): Promise<Classification> {
  return withModel(
    (mod) => mod.classify(text),
    (out) => outputSchema.parse(out),
  );
}
