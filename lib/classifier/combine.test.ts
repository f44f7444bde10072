import { describe, expect, it } from "vitest";
import { combineLogits } from "./combine";
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
