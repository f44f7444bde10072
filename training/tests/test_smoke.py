"""Smoke test: the real training code, a few steps on a tiny hand-written sample, exports a
loadable ONNX model directory. Runs each stage as a subprocess with its own runs dir."""
import json
import os
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[2]

TEXTS = {
    "depression": ["i feel empty and sad every day, nothing brings me joy anymore",
                   "cannot get out of bed, everything feels heavy and hopeless"],
    "anxiety": ["my heart races before every meeting and i worry about everything",
                "panic attacks at the store again, my chest gets tight and i shake"],
    "bipolar": ["manic week, spent all my money and barely slept, now crashing",
                "my mood swings from euphoric to depressed, lithium dose changed"],
    "suicidal": ["i wrote goodbye letters and i do not want to be alive tomorrow",
                 "thinking about ending my life tonight, i have a plan"],
    "none": ["we went hiking at the lake and grilled burgers after",
             "what is the best budget keyboard for programming?"],
}


def rows(n_each, offset):
    out = []
    for label, ts in TEXTS.items():
        for i in range(n_each):
            t = ts[(i + offset) % len(ts)]
            out.append({"id": f"{label}-{offset}-{i}", "text": f"{t} (variant {i})", "label": label,
                        "subreddit": "x", "source": "smoke"})
    return out


class SmokeTest(unittest.TestCase):
    def test_train_and_export(self):
        with tempfile.TemporaryDirectory() as tmp:
            tmp = Path(tmp)
            data = tmp / "data"
            data.mkdir()
            for split, n, off in (("train", 8, 0), ("dev", 4, 1), ("test", 4, 0)):
                (data / f"{split}.jsonl").write_text("\n".join(json.dumps(r) for r in rows(n, off)))
            # reddit-extra and reddit-shift beside the data folder, as in ../shared/data
            (tmp / "reddit-extra").mkdir()
            (tmp / "reddit-extra" / "train.jsonl").write_text("\n".join(json.dumps(
                {**r, "id": "x" + r["id"], "text": "over on r/SuicideWatch " + r["text"], "source": "extra"})
                for r in rows(4, 1) if r["label"] == "none"))
            (tmp / "reddit-shift").mkdir()
            (tmp / "reddit-shift" / "dev.jsonl").write_text("\n".join(json.dumps(
                {**r, "id": "s" + r["id"], "source": "casual" if i % 2 else "other"})
                for i, r in enumerate(rows(4, 0))))
            (tmp / "pretrain.jsonl").write_text("\n".join(json.dumps({"text": t}) for ts in TEXTS.values() for t in ts))
            env = {**os.environ, "LANTERN_DATA_DIR": str(data), "LANTERN_PRETRAIN_FILE": str(tmp / "pretrain.jsonl"),
                   "LANTERN_RUNS_DIR": str(tmp / "runs"), "OMP_NUM_THREADS": "1"}
            vocab = tmp / "runs" / "tokenizer" / "vocab.txt"

            def run(mod, *args):
                p = subprocess.run([sys.executable, "-m", f"training.{mod}", *map(str, args)], cwd=REPO, env=env,
                                   capture_output=True, text=True, timeout=120)
                self.assertEqual(p.returncode, 0, f"{mod} failed:\n{p.stdout[-2000:]}\n{p.stderr[-3000:]}")
                return p.stdout

            run("wordpiece", "--vocab-size", 200, "--max-length", 32)
            self.assertTrue(vocab.exists())
            run("pretrain", "--steps", 3, "--batch", 4, "--seq-len", 32, "--dim", 32, "--layers", 1, "--heads", 2,
                "--hidden", 64, "--warmup", 1)
            run("finetune", "--max-length", 32, "--steps", 4, "--batch", 8, "--evals-per-epoch", 1)
            run("bag", "--max-length", 32, "--epochs", 1, "--l2", "1e-3", "--buckets", 1024, "--trigrams")
            run("baselines", "--models", "lr")
            run("word_lr", "--max-features", 500)
            out = tmp / "model"
            run("export", "--max-length", 32, "--boot", 10, "--out", out, "--fixtures", tmp / "fx",
                "--transformer", tmp / "runs" / "finetune" / "best.pt", "--word-lr", tmp / "runs" / "word-lr")
            for f in ("model.onnx", "vocab.txt", "tokenizer.json", "tokenizer_config.json", "config.json", "metrics.json"):
                self.assertTrue((out / f).exists(), f)
            import onnx
            m = onnx.load(str(out / "model.onnx"))
            onnx.checker.check_model(m)
            self.assertEqual([i.name for i in m.graph.input], ["input_ids", "attention_mask"])
            self.assertEqual([o.name for o in m.graph.output], ["logits"])
            cfg = json.loads((out / "config.json").read_text())
            self.assertEqual(cfg["labels"], ["depression", "anxiety", "bipolar", "suicidal"])
            self.assertEqual(cfg["calibration"]["type"], "platt")
            for k in ("thresholds", "crisis_threshold", "max_length"):
                self.assertIn(k, cfg)
            w = onnx.load(str(tmp / "runs" / "word-lr" / "word-lr.onnx"))
            onnx.checker.check_model(w)
            self.assertEqual([i.name for i in w.graph.input], ["ngrams", "counts"])
            # 4 one-vs-rest NB-LR logits + 4 softmax log-ratios + 6 pairwise NB-LR + any-vs-none
            self.assertEqual(w.graph.output[0].type.tensor_type.shape.dim[1].dim_value, 15)
            if "word_model" in cfg:
                self.assertEqual(cfg["word_model"]["outputs"], 15)
                stack = cfg["word_model"].get("stack")
                if stack:
                    self.assertEqual(np.array(stack["weights"]).shape, (5, 2 * 19))  # logits, then their squares
                    self.assertEqual(len(stack["center"]), 19)
                    self.assertEqual(len(stack["stack_weight"]), 4)
            self.assertEqual(len(cfg.get("word_model", {"blend": {"word": [0] * 4}})["blend"]["word"]), 4)
            if "crisis" in cfg:  # the crisis head: weights on the suicidal logit and the stack's contrast, Platt
                self.assertEqual(sorted(cfg["crisis"]), ["calibration", "contrast_weight", "suicidal_weight"])
                self.assertEqual(sorted(cfg["crisis"]["calibration"]), ["a", "b"])
            metrics = json.loads((out / "metrics.json").read_text())["results"]["ensemble"]
            # reddit-shift is scored and reported, with the crisis tier's rate per source
            self.assertEqual(metrics["shift"]["n"], 20)
            self.assertEqual(sorted(metrics["shift"]["crisis"]["none_flagged_by_source"]), ["casual", "other"])
            self.assertIn("recall_at_none_5pct", metrics["shift"]["crisis"])
            run("report", "--model-dir", out, "--doc", tmp / "model.md")
            card = (out / "MODEL_CARD.md").read_text()
            self.assertIn("reddit-shift", card)
            self.assertIn("| **shipped: the stacked blend with the crisis head** |", (tmp / "model.md").read_text())
            fx = json.loads((tmp / "fx" / "onnx-expected.json").read_text())
            self.assertEqual(len(fx["rows"][0]["logits"]), 4)


if __name__ == "__main__":
    unittest.main()
