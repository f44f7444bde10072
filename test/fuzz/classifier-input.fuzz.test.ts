import { existsSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { classify, classifyBatch, DEFAULT_MODEL_DIR, LABELS, type ClassifierResult } from "@/lib/classifier";
import { checkPostText } from "@/lib/ingest/text";
import { FUZZ } from "./runs";

// The classifier input path of the self-check: checkPostText (kind refusals) then the model. Any Unicode
// (all planes, lone surrogates, controls, bidi overrides, combining marks, emoji, NUL) up to 100,000
// characters must come back as a kind refusal or a well-formed result, never an exception.

const modelDir = path.resolve(import.meta.dirname, "../..", process.env.LANTERN_MODEL_DIR ?? DEFAULT_MODEL_DIR);
const haveModel = existsSync(path.join(modelDir, "model.onnx"));

const nasty = fc.constantFrom("\u0000", "\ud800", "\udfff", "\u202e", "\u200b", "\ufeff", "\u0301", "\u0301\u0301\u0301", "🏳️‍🌈", "👩‍👩‍👧‍👦", "\ufffd", "\t", "\n\n\n", "﷽", "𝔗𝔥𝔢", "ǅ", "İ", "ß", "ﬀ", "\u3000");
const unicodeText = fc.oneof(
  // Short enough to keep 10,000 cases within minutes on a 2-core machine; the 100k-character cases are below.
  fc.string({ unit: "binary", maxLength: 300 }),
  fc.string({ unit: "grapheme", maxLength: 120 }),
  fc.array(fc.oneof(nasty, fc.constantFrom("I", "feel", "so", "alone", "tonight", ".", " ", "want", "to", "die")), { maxLength: 80 }).map((a) => a.join("")),
);

function wellFormed(r: ClassifierResult, text: string): boolean {
  const probs = LABELS.map((l) => r.probabilities[l]);
  return (
    probs.every((p) => typeof p === "number" && Number.isFinite(p) && p >= 0 && p <= 1) &&
    ["crisis", "elevated", "low"].includes(r.tier) &&
    ["high", "moderate", "low"].includes(r.confidence) &&
    r.labels.every((l) => LABELS.includes(l)) &&
    r.evidence.every((e) => e.start >= 0 && e.end <= text.length && e.start <= e.end && Number.isFinite(e.weight))
  );
}

describe.skipIf(!haveModel)("classifier input path fuzzing", { timeout: 1_800_000 }, () => {
  it("10,000 seeded inputs: a kind refusal or a well-formed result, never an exception", async () => {
    const inputs = fc.sample(unicodeText, { numRuns: FUZZ.numRuns, seed: FUZZ.seed });
    expect(inputs.length).toBeGreaterThanOrEqual(10_000);
    const accepted: string[] = [];
    for (const input of inputs) {
      const checked = checkPostText(input);
      if (checked.ok) accepted.push(checked.text);
      else expect(checked.message.length).toBeGreaterThan(0);
    }
    // The model sees what checkPostText accepted, and the raw input as well: the classifier must not rely on
    // its caller for safety. Batched for time; a failing batch is retried one input at a time to name it.
    const all = [...new Set([...accepted, ...inputs])];
    for (let i = 0; i < all.length; i += 64) {
      const batch = all.slice(i, i + 64);
      let results: ClassifierResult[];
      try {
        results = await classifyBatch(batch);
      } catch {
        for (const text of batch) await expect(classifyBatch([text]), JSON.stringify(text).slice(0, 200)).resolves.toBeDefined();
        throw new Error("unreachable");
      }
      results.forEach((r, j) => expect(wellFormed(r, batch[j]!), JSON.stringify(batch[j]).slice(0, 200)).toBe(true));
    }
  });

  it("the full classify() with evidence on 200 odd inputs", async () => {
    for (const text of fc.sample(unicodeText, { numRuns: 200, seed: FUZZ.seed + 1 })) {
      const r = await classify(text);
      expect(wellFormed(r, text), JSON.stringify(text).slice(0, 200)).toBe(true);
    }
  });

  it("100,000-character inputs of every kind: the path refuses or classifies them, the model alone copes too", async () => {
    const big = [
      "a".repeat(100_000),
      "I feel so alone. ".repeat(5_883).slice(0, 100_000),
      "😔".repeat(50_000),
      "\ud800".repeat(100_000),
      "\u0301".repeat(100_000),
      "I feel so alone tonight. ".repeat(400).slice(0, 10_000), // the longest post the path accepts
      fc.sample(fc.string({ unit: "binary", minLength: 100_000, maxLength: 100_000 }), { numRuns: 1, seed: FUZZ.seed })[0]!,
    ];
    for (const text of big) {
      const checked = checkPostText(text);
      if (checked.ok) expect(wellFormed(await classify(checked.text), checked.text)).toBe(true);
      else expect(checked.message.length).toBeGreaterThan(0);
      // Without the path's limits (explanations off: they re-read the text once per sentence group).
      const [raw] = await classifyBatch([text]);
      expect(wellFormed(raw!, text)).toBe(true);
    }
  });
});
