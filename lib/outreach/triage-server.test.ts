import { beforeEach, describe, expect, it, vi } from "vitest";
import { UserFacingError } from "@/lib/errors";

// A unit test of the mapping around the classifier: the real model is exercised by the classifier's own tests
// and by the e2e happy path.
const classifier = vi.hoisted(() => {
  class ModelLoadError extends Error {}
  return { classify: vi.fn(), classifyBatch: vi.fn(), ModelLoadError };
});
vi.mock("@/lib/classifier", () => classifier);

const { triagePosts, classifyForCase, MODEL_UNAVAILABLE_MESSAGE } = await import("./triage");

function output(suicidal: number, tier: "crisis" | "elevated" | "low") {
  return {
    probabilities: { depression: 0.3, anxiety: 0.1, bipolar: 0.05, suicidal },
    labels: suicidal >= 0.5 ? ["suicidal"] : [],
    topLabel: suicidal >= 0.5 ? "suicidal" : "none",
    confidence: "moderate",
    tier,
    tierBasis: { tier, condition: "suicidal", score: suicidal, threshold: 0.18 },
    evidence: [{ sentence: "raw sentence", start: 0, end: 12, weight: 0.5 }],
    model: { name: "lantern-distilbert-v1", version: "1.0.0" },
  };
}

describe("triagePosts", () => {
  beforeEach(() => vi.clearAllMocks());

  it("returns one result per post with directory entries, and no evidence text", async () => {
    classifier.classifyBatch.mockResolvedValue([output(0.95, "crisis"), output(0.1, "low")]);
    const out = await triagePosts(["a", "b"], "GB");
    expect(classifier.classifyBatch).toHaveBeenCalledWith(["a", "b"]);
    expect(out.model).toEqual({ name: "lantern-distilbert-v1", version: "1.0.0" });
    expect(out.results.map((r) => r.tier)).toEqual(["crisis", "low"]);
    expect(out.results[0]!.resources.map((r) => r.id)).toContain("gb-ie-samaritans");
    expect(JSON.stringify(out)).not.toContain("raw sentence");
  });

  it("explicit crisis words raise a post to the crisis tier, with the crisis line first, whatever the model says", async () => {
    classifier.classifyBatch.mockResolvedValue([output(0.02, "low"), output(0.02, "low")]);
    const out = await triagePosts(["nobody would even notice if I was gone", "what a lovely day"], "GB");
    expect(out.results.map((r) => r.tier)).toEqual(["crisis", "low"]);
    expect(out.results[0]!.resources.map((r) => r.id)).toContain("gb-ie-samaritans");
    // The reason says it was the words, and keeps only the rule's own phrase.
    expect(out.results[0]!.tierReason.words).toBe("nobody would notice if I was gone");
    expect(out.results[1]!.tierReason).toEqual({ words: null, model: { tier: "low", condition: "suicidal", score: 0.02, threshold: 0.18 } });
  });

  it("each post gets the crisis line of its own country, and the batch's where it has none", async () => {
    classifier.classifyBatch.mockResolvedValue([output(0.95, "crisis"), output(0.95, "crisis"), output(0.95, "crisis")]);
    const out = await triagePosts(["a", "b", "c"], "GB", ["CA", "", "GB"]);
    const ids = out.results.map((r) => r.resources.map((x) => x.id));
    expect(ids[0]).toContain("ca-988");
    expect(ids[0]).not.toContain("gb-ie-samaritans");
    expect(ids[1]).toContain("intl-findahelpline");
    expect(ids[2]).toContain("gb-ie-samaritans");
    const batchOnly = await triagePosts(["a", "b", "c"], "AU");
    for (const r of batchOnly.results) expect(r.resources.map((x) => x.id)).toContain("au-lifeline");
  });

  it("a missing model becomes the kind, user-facing message", async () => {
    classifier.classifyBatch.mockRejectedValue(new classifier.ModelLoadError("model.onnx not found at /srv/models"));
    const err = await triagePosts(["a"], "").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserFacingError);
    expect((err as Error).message).toBe(MODEL_UNAVAILABLE_MESSAGE);
    expect((err as Error).message).not.toMatch(/onnx|srv/);
  });

  it("refuses outputs that break the contract instead of passing them on", async () => {
    classifier.classifyBatch.mockResolvedValue([output(0.9, "crisis")]);
    await expect(triagePosts(["a", "b"], "US")).rejects.toThrow();
    classifier.classifyBatch.mockResolvedValue([{ ...output(0.9, "crisis"), probabilities: { depression: Number.NaN, anxiety: 0, bipolar: 0, suicidal: 2 } }]);
    await expect(triagePosts(["a"], "US")).rejects.toThrow();
  });
});

describe("classifyForCase", () => {
  it("classifies on the server (with evidence for the clinician) and maps a missing model the same way", async () => {
    classifier.classify.mockResolvedValue(output(0.8, "crisis"));
    expect((await classifyForCase("text")).evidence).toHaveLength(1);
    // A saved case keeps the served tier and its reason: crisis words raise a low reading.
    classifier.classify.mockResolvedValue(output(0.02, "low"));
    const saved = await classifyForCase("some days I just want to die");
    expect(saved.tier).toBe("crisis");
    expect(saved.tierReason).toEqual({ words: "want to die", model: { tier: "low", condition: "suicidal", score: 0.02, threshold: 0.18 } });
    classifier.classify.mockRejectedValue(new classifier.ModelLoadError("gone"));
    await expect(classifyForCase("text")).rejects.toBeInstanceOf(UserFacingError);
  });
});
