import "server-only";
import { classify, ModelLoadError } from "@/lib/classifier";
import { classifierOutputSchema } from "@/lib/assessment/schema";
import { servedTier } from "@/lib/classifier/crisis-words";
import { countClassification, countClassificationFailure } from "@/lib/metrics";
import type { Analysis } from "./types";
import type { ClassifyOutcome } from "./run";

/**
 * The classifier behind a fail-safe wall: a missing or corrupt model (ModelLoadError), an exception, or an
 * output that doesn't match the contract all become "not ok", and the page shows the crisis card instead.
 */
export async function classifyForSelfCheck(text: string): Promise<ClassifyOutcome> {
  try {
    // Evidence only for elevated or crisis results, where it is shown: it is most of the cost.
    const output = await classify(text, { explain: "concerns" });
    const checked = classifierOutputSchema.safeParse(output);
    if (!checked.success) return failed("failed");
    // The tier the person is shown (and a clinician later sees), with why: explicit crisis words raise it.
    const { tierBasis, ...reading } = checked.data;
    const served = servedTier({ tier: reading.tier, tierBasis }, text);
    const analysis: Analysis = {
      ...reading,
      tier: served.tier,
      tierReason: served.reason,
      confidence: output.confidence,
      evidence: checked.data.evidence.map(({ sentence, weight }) => ({ sentence, weight })),
    };
    countClassification("self_check", served.tier);
    return { ok: true, analysis };
  } catch (err) {
    return failed(err instanceof ModelLoadError ? "model_unavailable" : "failed");
  }
}

function failed(reason: "model_unavailable" | "failed"): ClassifyOutcome {
  countClassificationFailure("self_check", reason);
  return { ok: false, reason };
}
