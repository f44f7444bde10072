import "server-only";
import { classificationSchema } from "@/lib/db/cases";
import type { Analysis } from "@/components/self-check/types";
import type { ClassifyOutcome } from "./self-check";

interface ClassifierModule {
  classify(text: string): Promise<unknown>;
  ModelLoadError: new (...args: never[]) => Error;
}

// lib/classifier arrives with the model (classifier issue). Until it is importable, loading fails and every
// check fails safe (crisis card + kind words); the import becomes static once the module is committed.
const CLASSIFIER_MODULE = "@/lib/classifier";

async function loadClassifier(): Promise<ClassifierModule> {
  return (await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ CLASSIFIER_MODULE)) as ClassifierModule;
}

/**
 * The classifier behind a fail-safe wall: a missing module or model (ModelLoadError), an exception, or an
 * output that doesn't match the contract all become "not ok", and the page shows the crisis card instead.
 */
export async function classifyForSelfCheck(text: string): Promise<ClassifyOutcome> {
  let mod: ClassifierModule;
  try {
    mod = await loadClassifier();
  } catch {
    return { ok: false, reason: "model_unavailable" };
  }
  try {
    const output = await mod.classify(text);
    const checked = classificationSchema.safeParse(output);
    const confidence = (output as { confidence?: unknown } | null)?.confidence;
    if (!checked.success || (confidence !== "high" && confidence !== "moderate" && confidence !== "low")) return { ok: false, reason: "failed" };
    const analysis: Analysis = {
      ...checked.data,
      confidence,
      evidence: checked.data.evidence.map(({ sentence, weight }) => ({ sentence, weight })),
    };
    return { ok: true, analysis };
  } catch (err) {
    return { ok: false, reason: err instanceof mod.ModelLoadError ? "model_unavailable" : "failed" };
  }
}
