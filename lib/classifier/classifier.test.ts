import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { Classifier, DEFAULT_MODEL_DIR } from "./core";
import { LABELS, ModelLoadError, type ModelConfig } from "./types";
import { windows } from "./windows";
import { splitSentences } from "./sentences";

const dir = process.env.LANTERN_MODEL_DIR ?? DEFAULT_MODEL_DIR;
let clf: Classifier;
beforeAll(async () => {
  clf = await Classifier.load({ modelDir: dir, intraOpNumThreads: 1 });
});

describe("classifier", () => {
  it("returns the contract shape with evidence from the text", async () => {
    const text = "I have not slept in days. My thoughts race at night.\nI feel like giving up on everything.";
    const r = await clf.classify(text);
    expect(Object.keys(r.probabilities)).toEqual([...LABELS]);
    for (const l of LABELS) expect(r.probabilities[l]).toBeGreaterThanOrEqual(0);
    expect(["crisis", "elevated", "low"]).toContain(r.tier);
    expect(["high", "moderate", "low"]).toContain(r.confidence);
    expect(r.labels.every((l) => r.probabilities[l] >= clf.config.thresholds[l])).toBe(true);
    expect(r.topLabel === "none" ? r.labels.length === 0 : r.labels[0] === r.topLabel).toBe(true);
    expect(r.evidence.length).toBeGreaterThan(0);
    expect(r.evidence.length).toBeLessThanOrEqual(3);
    for (const e of r.evidence) expect(text.slice(e.start, e.end)).toBe(e.sentence);
    expect(r.model.name).toBe(clf.config.name);
  });

  it('explains only elevated or crisis results with explain: "concerns"', async () => {
    const texts = [
      "We replaced the graphics card and the build runs fine now. Next weekend we plan to upgrade the power supply.",
      "I have not slept in days. My thoughts race at night.\nI feel like giving up on everything. I want to die.",
    ];
    const results = await clf.classifyBatch(texts, { explain: "concerns" });
    expect(results.map((r) => r.tier)).toEqual(["low", "crisis"]);
    expect(results[0]?.evidence).toEqual([]);
    expect(results[1]?.evidence.length).toBeGreaterThan(0);
  });

  it("evidence: the full model weighs only the word model's best groups, with the weights scoring them alone gives", async () => {
    const calm = ["The bus was late again this morning.", "We had soup for lunch.", "My sister called about the weekend.", "The garden needs water.", "I read two chapters of a novel.", "Work was quiet today.", "The cat slept on the sofa.", "We watched a film in the evening."];
    const text = [...calm.slice(0, 4), "I want to die and I have a plan to kill myself tonight.", ...calm.slice(4)].join(" ");
    expect(splitSentences(text).length).toBeGreaterThan(6);
    const scored: string[][] = [];
    const inner = clf as unknown as { windowLogits(t: string[]): Promise<number[][]> };
    const original = inner.windowLogits.bind(clf);
    const spy = vi.spyOn(inner, "windowLogits").mockImplementation((texts) => {
      scored.push(texts);
      return original(texts);
    });
    let shipped;
    try {
      shipped = await clf.classify(text);
    } finally {
      spy.mockRestore();
    }
    // the post itself, then at most 6 evidence groups
    expect(scored).toHaveLength(2);
    expect(scored[1]!.length).toBe(6);
    const every = await clf.classify(text, { explain: true, evidenceCandidates: Infinity });
    expect(shipped.evidence[0]?.sentence).toBe("I want to die and I have a plan to kill myself tonight.");
    expect(shipped.evidence[0]).toEqual(every.evidence[0]);
    const target = shipped.topLabel === "none" ? "suicidal" : shipped.topLabel;
    const [blank] = await clf.textLogits([""]);
    for (const e of shipped.evidence) {
      const [alone] = await clf.textLogits([e.sentence]);
      const weight = clf.probabilities(alone!)[target] - clf.probabilities(blank!)[target];
      expect(e.weight).toBeCloseTo(weight, 3);
    }
  });

  it("never throws on odd or huge Unicode input", async () => {
    const weird = ["", " ", "\u0000\uFFFD", "\uD800 lone", "😀".repeat(5000), "[MASK] [CLS]", "é".repeat(300), "a".repeat(100_000)];
    const huge = Array.from({ length: 100_000 }, (_, i) => String.fromCodePoint(32 + ((i * 7919) % 0x2ffff))).join("").slice(0, 100_000);
    const res = await clf.classifyBatch([...weird, huge], { explain: false });
    for (const r of res) for (const l of LABELS) expect(Number.isFinite(r.probabilities[l])).toBe(true);
  }, 120_000);

  it("the end of a long post is scored (windows cover every token)", async () => {
    const ids = [2, ...Array.from({ length: 1000 }, (_, i) => 10 + i), 3];
    const seen = new Set(windows(ids, 256).flatMap((w) => w.slice(1, -1)));
    expect(seen.size).toBe(1000);
    const filler = "We talked about the weather and the train schedule. ".repeat(80);
    const [a, b] = await clf.textLogits([filler, filler + " I am going to kill myself tonight, I wrote my goodbye note."]);
    expect(a).not.toEqual(b);
  });

  it("sentence spans keep offsets", () => {
    const t = "One. Two!\nThree?";
    expect(splitSentences(t).map((s) => t.slice(s.start, s.end))).toEqual(["One.", "Two!", "Three?"]);
  });
});

describe("serving path", () => {
  const posts = [
    "I have not slept in days. My thoughts race at night.",
    "Some weeks I barely sleep and feel unstoppable, then I crash and can't get out of bed.",
    "My heart pounds before every meeting and I keep expecting the worst.",
    "We replaced the graphics card and the build runs fine now.",
    "I keep thinking everyone would be better off without me. I wrote a note last night.",
    "Work was long but the walk home helped.",
  ];

  it("requests made at the same time share batches and get the answers they would get alone", async () => {
    const alone: Awaited<ReturnType<Classifier["classify"]>>[] = [];
    for (const p of posts) alone.push(await clf.classify(p, { explain: false }));
    const together = await Promise.all(posts.map((p) => clf.classify(p, { explain: false })));
    together.forEach((r, i) => {
      // int8 activations are quantized per batch, so batch-mates can move a probability very slightly
      for (const l of LABELS) expect(Math.abs(r.probabilities[l] - alone[i]!.probabilities[l])).toBeLessThan(0.02);
      expect(r.tier).toBe(alone[i]!.tier);
    });
  });

  it("evidence puts the sentence that reads most like the concern first", async () => {
    const text = "We went to the market on Saturday and bought apples. I want to die and I have a plan for tonight. The bus was late again.";
    const r = await clf.classify(text);
    expect(r.topLabel).toBe("suicidal");
    expect(r.evidence[0]?.sentence).toBe("I want to die and I have a plan for tonight.");
    expect(r.evidence[0]!.weight).toBeGreaterThan(r.evidence.at(-1)!.weight);
  });

  it("a dead inference worker fails the calls in flight, and the next call starts a new one", async () => {
    const own = await Classifier.load({ modelDir: dir, intraOpNumThreads: 1 });
    const worker = (own as unknown as { session: { client: { worker: { terminate(): Promise<number> } | null } } }).session.client.worker;
    const inFlight = own.classify(posts[0]!, { explain: false });
    await worker!.terminate();
    await expect(inFlight).rejects.toThrow(/worker/);
    const again = await own.classify(posts[0]!, { explain: false });
    expect(LABELS.every((l) => Number.isFinite(again.probabilities[l]))).toBe(true);
  });
});

describe("ModelLoadError", () => {
  it("missing model dir", async () => {
    await expect(Classifier.load({ modelDir: path.join(os.tmpdir(), "no-such-model") })).rejects.toBeInstanceOf(ModelLoadError);
  });
  it("corrupt model.onnx and bad config", async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "lantern-bad-"));
    for (const f of ["config.json", "tokenizer.json", "tokenizer_config.json"]) fs.copyFileSync(path.join(dir, f), path.join(tmp, f));
    fs.writeFileSync(path.join(tmp, "model.onnx"), "not an onnx file");
    const wordFile = (JSON.parse(fs.readFileSync(path.join(dir, "config.json"), "utf8")) as ModelConfig).word_model?.file;
    if (wordFile) {
      await expect(Classifier.load({ modelDir: tmp })).rejects.toThrow(new RegExp(`missing ${wordFile}`));
      fs.copyFileSync(path.join(dir, "model.onnx"), path.join(tmp, "model.onnx"));
      fs.writeFileSync(path.join(tmp, wordFile), "not an onnx file either");
      await expect(Classifier.load({ modelDir: tmp })).rejects.toThrow(/corrupt or unreadable/);
      fs.copyFileSync(path.join(dir, wordFile), path.join(tmp, wordFile));
      fs.writeFileSync(path.join(tmp, "model.onnx"), "not an onnx file");
    }
    await expect(Classifier.load({ modelDir: tmp })).rejects.toThrow(/corrupt or unreadable/);
    fs.writeFileSync(path.join(tmp, "config.json"), JSON.stringify({ name: "x" }));
    await expect(Classifier.load({ modelDir: tmp })).rejects.toBeInstanceOf(ModelLoadError);
    fs.rmSync(tmp, { recursive: true, force: true });
  });
});
