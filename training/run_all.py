"""One command for everything, fixed seeds:  /usr/bin/python3 -m training.run_all

Stages (each also runnable alone, see docs/model.md):
  1. training.wordpiece   WordPiece vocabulary from the training corpus (training/corpus.py)
  2. training.data        pre-tokenize train, dev, test and reddit-shift (cache)
  3. training.baselines   TF-IDF LR (and, with --baselines lr,rf,xgb, RF and XGBoost: about an hour more)
  4. training.pretrain    MLM on the unlabeled corpus + train text (optional, --mlm-steps 0 skips)
     training.glove_init  with --glove: the encoder starts from GloVe vectors for whole-word tokens (needs the
                          vectors installed, see that module; not used by the shipped model)
  5. training.finetune    multilabel fine-tuning of the DistilBERT-shaped encoder, checkpoint kept by dev + shift AUC;
                          then a second phase from the first's end (new batch order, its own warmup and decay)
  6. training.word_lr     word TF-IDF 1-2-gram NB-LR + multinomial + pairwise columns, its own ONNX graph
  7. training.bag         bag-of-WordPiece-n-grams branch
  8. training.export      combiner, word blend, stack and calibration on dev; thresholds on dev + reddit-shift;
                          test once; the model folder
  9. training.report      MODEL_CARD.md and docs/model.md from the measured files
 10. training.fixtures    tokenizer and mask parity fixtures for the TypeScript tests
The shipped model was produced with the defaults below (about 2 hours on 2 cores)."""
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
    ap.add_argument("--mlm-steps", type=int, default=0, help="the shipped encoder is not MLM-pretrained")
    ap.add_argument("--finetune-steps", type=int, default=1200, help="batch 32 (0 = 1.3 epochs)")
    ap.add_argument("--second-phase-steps", type=int, default=1336, help="0 skips the second fine-tuning phase")
    ap.add_argument("--baselines", default="lr", help="comma list of lr,rf,xgb ('' skips)")
    ap.add_argument("--glove", action="store_true", help="start the encoder from GloVe vectors (not the shipped model)")
    a = ap.parse_args()
    run("wordpiece")
    run("data")
    if a.baselines:
        run("baselines", "--models", a.baselines)
    init = ""
    if a.mlm_steps:
        run("pretrain", "--steps", a.mlm_steps)
        init = str(RUNS / "mlm" / "encoder.pt")
    elif a.glove:
        run("glove_init", "--out", RUNS / "glove-init.pt")
        init = str(RUNS / "glove-init.pt")
    steps = ["--steps", a.finetune_steps] if a.finetune_steps else ["--epochs", 1.3]
    run("finetune", "--init", init, "--layers", 2, "--batch", 32, "--lr", "3e-4", *steps, "--evals-per-epoch", 3,
        "--out", RUNS / "finetune")
    transformer = RUNS / "finetune" / "best.pt"
    if a.second_phase_steps:
        # a second pass over freshly shuffled batches with its own warmup and decay, from the first phase's end
        run("finetune", "--resume-from", RUNS / "finetune" / "last.pt", "--seed-offset", 1, "--batch", 32,
            "--lr", "2e-4", "--steps", a.second_phase_steps, "--evals-per-epoch", 2, "--out", RUNS / "finetune-p2")
        transformer = RUNS / "finetune-p2" / "best.pt"
    run("word_lr")
    run("bag", "--trigrams", "--buckets", 1 << 20, "--l2", "3e-5", "--epochs", 2, "--all-windows",
        "--out", RUNS / "bag-1m")
    run("export", "--transformer", transformer, "--bag", RUNS / "bag-1m" / "bag.pt",
        "--word-lr", RUNS / "word-lr")
    run("report")
    run("fixtures")


if __name__ == "__main__":
    main()
