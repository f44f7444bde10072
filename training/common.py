"""Shared paths, labels, data loading and seeding for the Lantern classifier."""
import json
import os
import random
from pathlib import Path

# OpenBLAS threads fight torch's OpenMP threads on 2 cores: let torch own the threading
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "2")

import numpy as np  # noqa: E402

LABELS = ["depression", "anxiety", "bipolar", "suicidal"]
ALL_CLASSES = LABELS + ["none"]
REPO = Path(__file__).resolve().parent.parent
RUNS = Path(os.environ.get("LANTERN_RUNS_DIR") or (REPO / "training" / "runs"))
MODEL_NAME = "lantern-distilbert-v2"
MODEL_VERSION = "2.1.0"
SEED = 1234


def data_dir(flag=None):
    d = flag or os.environ.get("LANTERN_DATA_DIR") or str(REPO.parent / "shared" / "data" / "reddit-mh")
    return Path(d)


def pretrain_path(flag=None):
    d = flag or os.environ.get("LANTERN_PRETRAIN_FILE") or str(
        data_dir().parent / "reddit-unlabeled" / "pretrain.jsonl")
    return Path(d)


def read_jsonl(path, limit=None):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            rows.append(json.loads(line))
            if limit and len(rows) >= limit:
                break
    return rows


def label_matrix(rows):
    """Multilabel targets: one column per condition; `none` is all zeros."""
    y = np.zeros((len(rows), len(LABELS)), dtype=np.float32)
    for i, r in enumerate(rows):
        if r["label"] in LABELS:
            y[i, LABELS.index(r["label"])] = 1.0
    return y


def class_index(rows):
    return np.array([ALL_CLASSES.index(r["label"]) for r in rows], dtype=np.int64)


def softmax_classes(Y):
    """Class per row of a label matrix for the 5-way softmax models: 0 = none, k + 1 = condition k (the order of the
    stack's rows in config.json and of the word graph's multinomial member)."""
    return np.where(Y.sum(1) > 0, Y.argmax(1) + 1, 0)


def seed_everything(seed=SEED):
    random.seed(seed)
    np.random.seed(seed)
    try:
        import torch
        torch.manual_seed(seed)
    except ImportError:
        pass


def set_threads():
    import torch
    n = int(os.environ.get("OMP_NUM_THREADS", "2"))
    torch.set_num_threads(n)


def log(msg, file=None):
    import time
    line = time.strftime("%H:%M:%S", time.gmtime()) + " " + str(msg)
    print(line, flush=True)
    if file:
        with open(file, "a") as f:
            f.write(line + "\n")


def start_run(out_dir, vocab_path, seed=SEED):
    """The shared start of every training stage: threads, seeds, the output folder, its log and the tokenizer."""
    from .wordpiece import WordPieceTokenizer  # late import: wordpiece itself uses this module

    set_threads()
    seed_everything(seed)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    return out, out / "log.txt", WordPieceTokenizer(vocab_path)
