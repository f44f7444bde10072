import { describe, expect, it } from "vitest";
import { combineLogits, stackContrast } from "./combine";
import { crisisScore, parseConfig } from "./config";
import type { WordModelConfig } from "./types";

const base: WordModelConfig = {
  file: "word-lr.onnx",
  inputs: ["ngrams", "counts"],
  preprocess: { lowercase: true, strip_accents: "unicode", token_pattern: "(?u)\\b\\w\\w+\\b", ngram_range: [1, 2] },
  blend: { ensemble: [1, 0.5, 0.4, 0], word: [0, 0.5, 0.6, 2] },
};

describe("combineLogits", () => {
  it("blends the ensemble's and the word model's logits per label", () => {
    expect(combineLogits([1, 2, 3, 4], [10, 20, 30, 40], base)).toEqual([1, 11, 19.2, 80]);
  });

  it("mixes the blend with the stack's log-odds, computed from its softmax, by each label's weights", () => {
    // features: 4 ensemble logits + 8 word outputs; a stack reading only some of them, by hand
    const weights = Array.from({ length: 5 }, () => new Array(12).fill(0));
    weights[1]![0] = 1; // depression <- ensemble depression
    weights[4]![11] = 2; // suicidal <- the word model's 8th output
    const stack = { weights, bias: [0.5, 0, 0, -1, 0], blend_weight: [0, 1, 1, 0.4], stack_weight: [1, 0, 0, 0.5] };
    const wm: WordModelConfig = { ...base, outputs: 8, stack };
    const ens = [2, 0, 0, 0];
    const word = [0, 0, 0, 3, 0, 0, 0, 1.5];
    const z = [0.5, 2, 0, -1, 3]; // none, depression, anxiety, bipolar, suicidal
    const p = z.map((x) => Math.exp(x) / z.reduce((s, y) => s + Math.exp(y), 0));
    const out = combineLogits(ens, word, wm);
    expect(out[0]).toBeCloseTo(Math.log(p[1]! / (1 - p[1]!)), 10); // the stack alone
    expect(out[1]).toBe(0); // the blend alone: 0 * 0.5 + 0 * 0.5
    expect(out[3]).toBeCloseTo(0.4 * (3 * 2) + 0.5 * Math.log(p[4]! / (1 - p[4]!)), 10); // a mix
  });

  it("reads each feature's squared distance from the centre after the features, when the stack has a centre", () => {
    // 4 ensemble logits + 15 word outputs = 19 features, then 19 squares
    const weights = Array.from({ length: 5 }, () => new Array(38).fill(0));
    weights[2]![19 + 1] = 1; // anxiety <- (ensemble anxiety - centre)^2
    weights[2]![4] = -0.5; // anxiety <- the word model's first output
    const center = new Array(19).fill(0);
    center[1] = 1;
    const stack = { center, weights, bias: [0, 0, 0, 0, 0], blend_weight: [1, 0, 1, 1], stack_weight: [0, 1, 0, 0] };
    const wm: WordModelConfig = { ...base, outputs: 15, stack };
    const word = new Array(15).fill(0);
    word[0] = 2;
    const z = [0, 0, (4 - 1) ** 2 - 0.5 * 2, 0, 0];
    const p = Math.exp(z[2]!) / z.reduce((s, y) => s + Math.exp(y), 0);
    expect(combineLogits([0, 4, 0, 0], word, wm)[1]).toBeCloseTo(Math.log(p / (1 - p)), 10);
  });

  it("stays finite when one class dominates", () => {
    const weights = Array.from({ length: 5 }, () => new Array(8).fill(0));
    weights[4]![0] = 1;
    const wm: WordModelConfig = { ...base, stack: { weights, bias: [0, 0, 0, 0, 0], blend_weight: [1, 1, 1, 0], stack_weight: [0, 0, 0, 1] } };
    const out = combineLogits([800, 0, 0, 0], [0, 0, 0, 0], wm);
    expect(out[3]).toBeCloseTo(800 - Math.log(4), 6);
  });
});

describe("the crisis head", () => {
  const weights = Array.from({ length: 5 }, () => new Array(12).fill(0));
  weights[4]![11] = 2; // suicidal <- the word model's 8th output
  weights[1]![0] = 1; // depression <- ensemble depression
  const stack = { weights, bias: [0.5, 0, 0, -1, 0], blend_weight: [1, 1, 1, 1], stack_weight: [0, 0, 0, 0.5] };
  const wm: WordModelConfig = { ...base, outputs: 8, stack };
  const ens = [2, 0, 0, 0];
  const word = [0, 0, 0, 3, 0, 0, 0, 1.5];

  it("reads the stack's log(p_suicidal / p_none), whatever the other conditions score", () => {
    const z = [0.5, 2, 0, -1, 3];
    expect(stackContrast(ens, word, wm)).toBeCloseTo(z[4]! - z[0]!, 10);
    // raising depression changes p(suicidal) against the rest, not suicidal against none
    expect(stackContrast([9, 0, 0, 0], word, wm)).toBeCloseTo(z[4]! - z[0]!, 10);
    expect(stackContrast(ens, word, base)).toBeNull();
  });

  it("scores crisis from the suicidal logit and the contrast, or is p(suicidal) without a head", () => {
    const raw = {
      name: "m", version: "1", labels: ["depression", "anxiety", "bipolar", "suicidal"], max_length: 16,
      thresholds: { depression: 0.5, anxiety: 0.5, bipolar: 0.5, suicidal: 0.5 }, crisis_threshold: 0.3,
      calibration: { type: "platt", params: Object.fromEntries(["depression", "anxiety", "bipolar", "suicidal"].map((l) => [l, { a: 1, b: 0 }])) },
      word_model: wm,
    };
    const plain = parseConfig(raw, "test");
    const logits = [0, 0, 0, -1];
    expect(crisisScore(plain, logits, 2.5)).toBeCloseTo(1 / (1 + Math.exp(1)), 10);
    const headed = parseConfig({ ...raw, crisis: { suicidal_weight: 0.5, contrast_weight: 2, calibration: { a: 1.5, b: -1 } } }, "test");
    expect(crisisScore(headed, logits, 2.5)).toBeCloseTo(1 / (1 + Math.exp(-(1.5 * (0.5 * -1 + 2 * 2.5) - 1))), 10);
    expect(() => parseConfig({ ...raw, crisis: { suicidal_weight: 1, contrast_weight: "x", calibration: { a: 1, b: 0 } } }, "test")).toThrow(/crisis/);
    expect(() => parseConfig({ ...raw, word_model: base, crisis: { suicidal_weight: 1, contrast_weight: 1, calibration: { a: 1, b: 0 } } }, "test")).toThrow(/stack/);
  });
});
