import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseConfig } from "./config";
import { Classifier, DEFAULT_MODEL_DIR } from "./core";
import { gramsOf, wordsOf } from "./words";

// Words and logits sklearn computed at export time (training/word_lr.py's fixture texts: accents, dotted I,
// ß, emoji, handles, digits, an empty post).
const fx = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "__fixtures__/word-lr-expected.json"), "utf8")) as {
  rows: { text: string; words: string[]; ngrams: string[]; counts: number[]; logits: number[] }[];
};
const dir = process.env.LANTERN_MODEL_DIR ?? DEFAULT_MODEL_DIR;
const hasWordModel = Boolean(JSON.parse(fs.readFileSync(path.join(dir, "config.json"), "utf8")).word_model);

const rows = (n: number, width: number) => Array.from({ length: n }, () => new Array<number>(width).fill(0.1));
const stack = { weights: rows(5, 12), bias: [0, 0, 0, 0, 0], blend_weight: [0.3, 0.3, 0.7, 0.3], stack_weight: [0.9, 0.9, 0.4, 0.9] };
const squared = { ...stack, center: new Array(19).fill(0), weights: rows(5, 38) };

describe("word model", () => {
  it("splits words the way sklearn's TfidfVectorizer did at training time", () => {
    for (const r of fx.rows) {
      expect(wordsOf(r.text), r.text).toEqual(r.words);
      expect(gramsOf(r.text), r.text).toEqual({ ngrams: r.ngrams, counts: r.counts });
    }
  });

  it("counts each distinct word and word pair once, in first-seen order", () => {
    expect(gramsOf("No, no. NO way!")).toEqual({ ngrams: ["no", "way", "no no", "no way"], counts: [3, 1, 2, 1] });
    expect(gramsOf("a")).toEqual({ ngrams: [], counts: [] });
  });

  it("keeps runs of two or more word characters in any script, and drops accents", () => {
    expect(wordsOf("Ça va? Él está ÀÉÎ x y_z 42 3 日本語 😀😀")).toEqual(["ca", "va", "el", "esta", "aei", "y_z", "42", "日本語"]);
  });

  it("config: a word model must say it splits words as words.ts does, with a weight per label", () => {
    const base = JSON.parse(fs.readFileSync(path.join(dir, "config.json"), "utf8"));
    delete base.crisis; // the crisis head reads the stack, which most word models below do not have
    const word_model = {
      file: "word-lr.onnx",
      inputs: ["ngrams", "counts"],
      preprocess: { lowercase: true, strip_accents: "unicode", token_pattern: "(?u)\\b\\w\\w+\\b", ngram_range: [1, 2] },
      blend: { ensemble: [1, 1, 1, 1], word: [0.5, 0.5, 0.5, 0.5] },
    };
    expect(parseConfig({ ...base, word_model }, "x").word_model?.blend.word).toEqual([0.5, 0.5, 0.5, 0.5]);
    const broken = [
      { ...word_model, file: "../elsewhere.onnx" },
      { ...word_model, preprocess: { ...word_model.preprocess, token_pattern: "\\S+" } },
      { ...word_model, preprocess: { ...word_model.preprocess, ngram_range: [1, 3] } },
      { ...word_model, blend: { ensemble: [1, 1, 1], word: [0, 0, 0, 0] } },
      { ...word_model, outputs: 5 },
      // a stack must have 5 rows of 4 + outputs weights, 5 biases and two weights per label
      { ...word_model, outputs: 8, stack: { ...stack, weights: rows(5, 8) } },
      { ...word_model, outputs: 8, stack: { ...stack, weights: rows(4, 12) } },
      { ...word_model, outputs: 8, stack: { ...stack, bias: [0, 0, 0, 0] } },
      { ...word_model, outputs: 8, stack: { ...stack, stack_weight: [1, 0, 0] } },
      { ...word_model, outputs: 8, stack: { ...stack, blend_weight: [true, false, false, true] } },
      // with a centre: one per feature, and twice the weights per row (the squares follow the features)
      { ...word_model, outputs: 15, stack: { ...squared, center: new Array(18).fill(0) } },
      { ...word_model, outputs: 15, stack: { ...squared, weights: rows(5, 19) } },
      { ...word_model, outputs: 15, stack: { ...squared, center: [...new Array(18).fill(0), "0"] } },
    ];
    expect(parseConfig({ ...base, word_model: { ...word_model, outputs: 8, stack } }, "x").word_model?.stack?.stack_weight).toEqual(stack.stack_weight);
    expect(parseConfig({ ...base, word_model: { ...word_model, outputs: 15, stack: squared } }, "x").word_model?.stack?.center).toHaveLength(19);
    for (const bad of broken) expect(() => parseConfig({ ...base, word_model: bad }, "x")).toThrow(/word_model/);
  });

  describe.runIf(hasWordModel)("the shipped graph", () => {
    it("gives sklearn's logits, alone and in a padded batch", async () => {
      const c = await Classifier.load({ modelDir: dir, intraOpNumThreads: 1 });
      const texts = fx.rows.map((r) => r.text);
      const batch = await c.wordLogits(texts);
      const single = await Promise.all(texts.map(async (t) => (await c.wordLogits([t]))[0]!));
      fx.rows.forEach((r, i) => {
        r.logits.forEach((v, k) => {
          expect(Math.abs(batch[i]![k]! - v)).toBeLessThan(1e-4);
          expect(Math.abs(single[i]![k]! - v)).toBeLessThan(1e-4);
        });
      });
    });
  });
});
