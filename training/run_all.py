"""One command for everything, fixed seeds:  /usr/bin/python3 -m training.run_all

Stages (each also runnable alone, see docs/model.md):
  1. training.wordpiece   WordPiece vocab from the train split
  2. training.data        pre-tokenize splits (cache)
  3. training.baselines   TF-IDF LR / RF / XGB (dev-calibrated, test once)
  4. training.pretrain    MLM on the unlabeled corpus + train text (optional, --mlm-steps 0 skips)
  5. training.finetune    multilabel fine-tuning (phase 1, then phase 2 continuing from it)
  6. training.bag         bag-of-WordPiece-n-grams branch
  7. training.word_lr     word TF-IDF 1-2-gram NB-LR + multinomial LR, its own ONNX graph (word-lr.onnx)
  8. training.export      ensemble weights, word-model blend, softmax stack mix, calibration, thresholds on dev; test once; model dir
  9. training.fixtures    tokenizer parity fixture for the TypeScript tests
The shipped v1 model was produced with the defaults below (see MODEL_CARD.md for the log)."""
import argparse
import subprocess
import sys

from .common import RUNS


def run(mod, *args):
    cmd = [sys.executable, "-m", f"training.{mod}", *map(str, args)]
    print("+", " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--mlm-steps", type=int, default=0, help="v1 shipped without MLM (CPU contention); try 1600")
    ap.add_argument("--phase1-steps", type=int, default=1223)
    ap.add_argument("--phase2-steps", type=int, default=2535, help="0 = one epoch")
    ap.add_argument("--skip-baselines", action="store_true")
    a = ap.parse_args()
    run("wordpiece")
    run("data")
    if not a.skip_baselines:
        run("baselines")
    init = ""
    if a.mlm_steps:
        run("pretrain", "--steps", a.mlm_steps)
        init = str(RUNS / "mlm" / "encoder.pt")
    run("finetune", "--init", init, "--layers", 2, "--batch", 16, "--lr", "2e-4", "--steps", a.phase1_steps,
        "--evals-per-epoch", 1)
    p2 = ["--steps", a.phase2_steps] if a.phase2_steps else ["--epochs", 1]
    run("finetune", "--resume-from", RUNS / "finetune" / "last.pt", "--seed-offset", 1, "--out",
        RUNS / "finetune2", "--batch", 16, "--lr", "1.5e-4", *p2, "--evals-per-epoch", 2)
    run("bag", "--trigrams", "--buckets", 1 << 20, "--l2", "3e-5", "--epochs", 3, "--all-windows",
        "--out", RUNS / "bag-1m")
    run("word_lr")
    run("export", "--transformer", RUNS / "finetune2" / "best.pt", "--bag", RUNS / "bag-1m" / "bag.pt",
        "--word-lr", RUNS / "word-lr")
    run("report")
    run("fixtures")


if __name__ == "__main__":
    main()
