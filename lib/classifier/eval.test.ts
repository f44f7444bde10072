import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { combineLogits } from "./combine";
import { calibrate, parseConfig } from "./config";
import { evaluate, CLASSES } from "./metrics";
import { DEFAULT_MODEL_DIR } from "./model-dir";
import { LABELS } from "./types";

// Hand-written tiny file (our own sentences) with hand-chosen probabilities `p`.
const file = path.join(import.meta.dirname, "__fixtures__/tiny.jsonl");
const rows = fs.readFileSync(file, "utf8").trim().split("\n").map((l) => JSON.parse(l) as { label: string; p: number[] });
const th = { depression: 0.5, anxiety: 0.5, bipolar: 0.5, suicidal: 0.5 };

describe("eval on a tiny hand-written jsonl", () => {
  it("matches hand-computed metrics", () => {
    const Y = rows.map((r) => LABELS.map((l) => (r.label === l ? 1 : 0)));
    const cls = rows.map((r) => CLASSES.indexOf(r.label as never));
    const r = evaluate(Y, cls, rows.map((x) => x.p), th, 0.25, 100);
    // bipolar absent -> left out. depression AUC: pos {.9,.45} vs neg {.3,.4,.1,.2}: 8/8 = 1
    // anxiety: pos {.6} vs neg {.1,.1,.1,.55,.5}: 5/5 = 1; suicidal: pos {.7} vs {.2,.1,.1,.05,.3}: 1
    expect(Object.keys(r.per_label)).toEqual(["depression", "anxiety", "suicidal"]);
    expect(r.auc.value).toBe(1);
    // depression: pred t1 only -> p 1 r .5 f .6667; anxiety: pred t2,t5,t6 -> tp1 fp2 -> p .3333 r 1 f .5; suicidal: t3 -> 1
    expect(r.per_label.depression!.f1).toBeCloseTo(0.6667, 4);
    expect(r.per_label.anxiety!.f1).toBeCloseTo(0.5, 4);
    expect(r.f1.value).toBeCloseTo((2 / 3 + 0.5 + 1) / 3, 4);
    // 5-way: t1 dep ok, t2 anx ok, t3 sui ok, t4 none ok, t5 -> anxiety (wrong), t6 -> anxiety (wrong)
    expect(r.accuracy.value).toBeCloseTo(4 / 6, 4);
    // crisis >= .25: suicidal t3 flagged (1/1); none: t4 .1, t5 .05 -> 0
    expect(r.crisis.suicidal_recall).toBe(1);
    expect(r.crisis.none_flagged_rate).toBe(0);
  });

  it("npm run eval -- <file> --json prints the contract keys", () => {
    const out = execFileSync("npx", ["tsx", "scripts/eval-classifier.ts", file, "--json", "--boot", "50"], {
      cwd: path.resolve(import.meta.dirname, "../.."), encoding: "utf8", env: { ...process.env, NODE_NO_WARNINGS: "1" },
    });
    const j = JSON.parse(out.trim().split("\n").pop()!);
    expect(j.n).toBe(6);
    for (const k of ["auc", "f1", "accuracy"]) expect(Object.keys(j[k]).sort()).toEqual(["ci_high", "ci_low", "value"]);
    expect(Object.keys(j.per_label).sort()).toEqual(["anxiety", "depression", "suicidal"]);
    expect(j.crisis).toHaveProperty("suicidal_recall");
    expect(j.crisis).toHaveProperty("none_flagged_rate");
    expect(typeof j.ece).toBe("number");
    expect(j.model.name).toBeTruthy();
    for (const k of ["recall_at_none_5pct", "recall_at_none_10pct", "served"]) expect(j.crisis).toHaveProperty(k);
    expect(j).not.toHaveProperty("per_source"); // the tiny file's rows carry no source
  }, 120_000);

  it("--predictions writes one line per post with the served tier, --members each member's logits; --json adds per_source when rows carry one", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lantern-eval-"));
    const input = path.join(dir, "in.jsonl");
    const texts = [
      { id: "a1", text: "Does anyone know a good recipe for banana bread without eggs?", label: "none", source: "kitchen" },
      // explicit words: the served tier is crisis whatever the model says
      { id: "a2", text: "nobody would even notice if I was gone", label: "suicidal", source: "forum" },
      { id: "a3", text: "My hands shake before every exam and my chest goes tight.", label: "anxiety", source: "forum" },
    ];
    fs.writeFileSync(input, texts.map((t) => JSON.stringify(t)).join("\n"));
    const out = path.join(dir, "pred.jsonl");
    const members = path.join(dir, "members.jsonl");
    const stdout = execFileSync("npx", ["tsx", "scripts/eval-classifier.ts", input, "--json", "--boot", "0", "--predictions", out, "--members", members], {
      cwd: path.resolve(import.meta.dirname, "../.."), encoding: "utf8", env: { ...process.env, NODE_NO_WARNINGS: "1" },
    });
    const preds = fs.readFileSync(out, "utf8").trim().split("\n").map((l) => JSON.parse(l));
    expect(preds.map((p) => p.id)).toEqual(["a1", "a2", "a3"]);
    expect(preds.map((p) => p.label)).toEqual(["none", "suicidal", "anxiety"]);
    for (const p of preds) {
      expect(Object.keys(p.probabilities).sort()).toEqual(["anxiety", "bipolar", "depression", "suicidal"]);
      expect(["low", "elevated", "crisis"]).toContain(p.tier);
    }
    expect(preds[1].tier).toBe("crisis");
    // --members: each member's logits, which combine and calibrate to the probabilities --predictions wrote
    const root = path.resolve(import.meta.dirname, "../..");
    const cfg = parseConfig(JSON.parse(fs.readFileSync(path.join(root, DEFAULT_MODEL_DIR, "config.json"), "utf8")), "config.json");
    const mem = fs.readFileSync(members, "utf8").trim().split("\n").map((l) => JSON.parse(l));
    expect(mem.map((m) => [m.id, m.label, m.source])).toEqual(texts.map((t) => [t.id, t.label, t.source]));
    mem.forEach((m, i) => {
      expect(m.ensemble).toHaveLength(LABELS.length);
      expect(m.word).toHaveLength(cfg.word_model!.outputs ?? LABELS.length);
      const p = calibrate(cfg, combineLogits(m.ensemble, m.word, cfg.word_model!));
      for (const l of LABELS) expect(p[l]).toBeCloseTo(preds[i].probabilities[l], 6);
    });
    const j = JSON.parse(stdout.trim().split("\n").pop()!);
    expect(j.per_source.forum.suicidal).toEqual({ n: 1, crisis_rate: 1 });
    expect(j.per_source.kitchen.none.n).toBe(1);
  }, 120_000);
});
