"""Linear bag-of-WordPiece-n-grams branch (unigrams + hashed bigrams, optional trigrams),
trained as an L2-regularised multilabel logistic regression on each post's first window (or every window), each
row weighted as training/corpus.py says. Regularisation strength and epochs chosen on the mean of dev's and
reddit-shift's macro AUC (max-pooled windows, as served; dev alone without reddit-shift)."""
import argparse
import json

import numpy as np
import torch
import torch.nn.functional as F

from .common import RUNS, start_run, SEED, log
from .corpus import has_shift
from .data import encode_split
from .infer import pad_batch, predict_logits
from .metrics import auc
from .model import BagOfNgrams


def train_bag(tr, Ytr, V, l2, epochs, buckets, trigrams, lr=0.05, batch=256, pad=0, evalf=None, w=None):
    w = np.ones(len(tr), dtype=np.float32) if w is None else w
    torch.manual_seed(SEED)
    m = BagOfNgrams(V, 4, buckets, trigrams)
    opt = torch.optim.Adam(m.parameters(), lr=lr)
    rng = np.random.default_rng(SEED)
    hist = []
    for ep in range(epochs):
        m.train()
        perm = rng.permutation(len(tr))
        for i in range(0, len(perm), batch):
            b = perm[i:i + batch]
            ids, mask = pad_batch([tr[j] for j in b], pad)
            out = m(ids, mask)
            per_row = F.binary_cross_entropy_with_logits(out, torch.from_numpy(Ytr[b]), reduction="none").mean(1)
            wb = torch.from_numpy(w[b])
            loss = (per_row * wb).sum() / wb.sum()
            # L2 penalty, scaled so one epoch applies l2 * sum(w^2) once
            reg = sum((p ** 2).sum() for n, p in m.named_parameters() if n != "bias")
            loss = loss + l2 * reg / len(tr) * len(b)
            opt.zero_grad()
            loss.backward()
            opt.step()
        if evalf:
            hist.append(evalf(m))
            if hist[-1] >= max(hist):
                best_state = {k: v.detach().clone() for k, v in m.state_dict().items()}
    if evalf:
        m.load_state_dict(best_state)  # the best epoch on dev
    return m, hist


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--vocab", default=str(RUNS / "tokenizer" / "vocab.txt"))
    ap.add_argument("--out", default=str(RUNS / "bag"))
    ap.add_argument("--data", default=None)
    ap.add_argument("--max-length", type=int, default=256)
    ap.add_argument("--buckets", type=int, default=1 << 18)
    ap.add_argument("--l2", default="1e-4,1e-3")
    ap.add_argument("--epochs", type=int, default=6)
    ap.add_argument("--trigrams", action="store_true")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--all-windows", action="store_true",
                    help="train on every serving window of each post (label = post label), not just the first")
    a = ap.parse_args(argv)
    out, logf, tok = start_run(a.out, a.vocab)
    tr_ids, Ytr, _, tr_meta = encode_split(tok, "train", a.data, limit=a.limit, vocab_path=a.vocab)
    Wtr = np.array([m["weight"] for m in tr_meta], dtype=np.float32)
    dv_ids, Ydv, _, _ = encode_split(tok, "dev", a.data, limit=a.limit, vocab_path=a.vocab)
    checks = [(dv_ids, Ydv)]
    if has_shift(a.data):
        checks.append(encode_split(tok, "shift", a.data, limit=a.limit, vocab_path=a.vocab)[:2])
    L = a.max_length
    if a.all_windows:
        from .wordpiece import windows
        tr, Ys, Ws = [], [], []
        for x, y, wt in zip(tr_ids, Ytr, Wtr):
            for w in windows(list(x), L):
                tr.append(np.asarray(w))
                Ys.append(y)
                Ws.append(wt)
        Ytr, Wtr = np.stack(Ys), np.array(Ws, dtype=np.float32)
    else:
        tr = [np.concatenate([x[:L - 1], [tok.sep]]) if len(x) > L else x for x in tr_ids]

    def dev_auc(m):
        aucs = []
        for ids, Y in checks:
            lg = predict_logits(m, ids, L, batch_tokens=65536, pad_id=tok.pad)
            aucs.append(float(np.mean([auc(Y[:, k], lg[:, k]) for k in range(4)])))
        log(f"bag macro AUC dev / shift {[round(x, 4) for x in aucs]}", logf)
        return float(np.mean(aucs))

    best = (-1, None, None, None)
    results = []
    for l2 in [float(x) for x in a.l2.split(",")]:
        m, hist = train_bag(tr, Ytr, len(tok.itos), l2, a.epochs, a.buckets, a.trigrams, pad=tok.pad,
                            evalf=dev_auc, w=Wtr)
        ep = int(np.argmax(hist)) + 1
        log(f"bag l2={l2}: dev AUC per epoch {[round(h, 4) for h in hist]}", logf)
        results.append({"l2": l2, "dev_auc": hist})
        if max(hist) > best[0]:
            best = (max(hist), l2, ep, m)  # model restored to its best epoch
    _, l2, ep, m = best
    torch.save({"model": m.state_dict(), "vocab_size": len(tok.itos), "buckets": a.buckets,
                "trigrams": a.trigrams, "l2": l2, "epochs": ep}, out / "bag.pt")
    (out / "bag.json").write_text(json.dumps({"chosen": {"l2": l2, "epochs": ep, "dev_auc": best[0]},
                                              "grid": results}, indent=1))
    log(f"bag chosen l2={l2} epochs={ep} dev AUC {best[0]:.4f}", logf)


if __name__ == "__main__":
    main()
