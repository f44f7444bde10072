import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import * as ort from "onnxruntime-node";
import { DEFAULT_MODEL_DIR } from "./core";
import { OnnxWorkerSession } from "./onnx-session";

// Expected logits computed by PyTorch at export time (training/export.py write_fixture).
const fx = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "__fixtures__/onnx-expected.json"), "utf8"));
const dir = process.env.LANTERN_MODEL_DIR ?? DEFAULT_MODEL_DIR;
// The shipped graph has int8 encoder weights (training/quantize.py): it must stay within 0.01 logit of
// PyTorch's float32 output (measured: 0.002). A float32 export must match to 1e-3.
const quantized = Boolean(JSON.parse(fs.readFileSync(path.join(dir, "config.json"), "utf8")).onnx?.quantization);
const tolerance = quantized ? 0.01 : 1e-3;
const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(tolerance);
const t64 = (rows: number[][]) => new ort.Tensor("int64", BigInt64Array.from(rows.flat().map(BigInt)), [rows.length, rows[0]!.length]);

describe("ONNX model output == PyTorch output", () => {
  it("single posts and a padded batch", async () => {
    const s = await ort.InferenceSession.create(path.join(dir, "model.onnx"), { intraOpNumThreads: 1 });
    for (const r of fx.rows as { input_ids: number[]; logits: number[] }[]) {
      const out = await s.run({ input_ids: t64([r.input_ids]), attention_mask: t64([r.input_ids.map(() => 1)]) });
      Array.from(out.logits!.data as Float32Array).forEach((v, k) => close(v, r.logits[k]!));
    }
    const b = fx.batch as { input_ids: number[][]; attention_mask: number[][]; logits: number[][] };
    const out = await s.run({ input_ids: t64(b.input_ids), attention_mask: t64(b.attention_mask) });
    expect(out.logits!.dims).toEqual([b.input_ids.length, 4]);
    Array.from(out.logits!.data as Float32Array).forEach((v, i) => close(v, b.logits.flat()[i]!));
  });
});

describe("the ONNX worker's order", () => {
  it("runs an urgent batch (a classified post's evidence) before the batches already waiting", async () => {
    const session = await OnnxWorkerSession.create(path.join(dir, "model.onnx"), { intraOpNumThreads: 1 });
    try {
      const batch = (rows: number, len: number): [BigInt64Array, BigInt64Array, [number, number]] => {
        const ids = new BigInt64Array(rows * len).map((_, i) => BigInt(100 + (i % 5000)));
        return [ids, new BigInt64Array(rows * len).fill(1n), [rows, len]];
      };
      const done: string[] = [];
      const track = (name: string, p: Promise<Float32Array>) => p.then((out) => (done.push(name), out));
      // In the order sent, a worker answering first come, first served would finish the urgent batch last.
      const runs = [
        track("busy", session.run(...batch(16, 256))),
        track("waiting 1", session.run(...batch(16, 256))),
        track("waiting 2", session.run(...batch(16, 256))),
        track("urgent", session.run(...batch(2, 16), true)),
      ];
      const outs = await Promise.all(runs);
      expect(done.indexOf("urgent")).toBeLessThan(done.indexOf("waiting 1"));
      expect(done.filter((name) => name !== "urgent")).toEqual(["busy", "waiting 1", "waiting 2"]);
      expect(outs[3]!.length).toBe(2 * 4);
    } finally {
      await session.close();
    }
  });
});
