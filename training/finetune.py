"""Multilabel fine-tuning (4 sigmoids) of the MLM-pretrained encoder on the training corpus (training/corpus.py:
reddit-mh train plus reddit-extra, each row weighted). Trains on each post's first window (max_length tokens),
length-bucketed dynamic padding. Evaluates dev (first window, fast) each half epoch, and reddit-shift too when it is
there; keeps best.pt by the mean of the two macro AUCs, so the checkpoint kept is the one that holds up on posts
unlike the training data, not only on the training collections."""
import argparse
import json
import math
import time
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F

from .common import RUNS, start_run, SEED, log
from .corpus import has_shift
from .data import encode_split
from .infer import pad_batch, predict_logits
from .metrics import auc
from .model import Config, DistilBertForSequenceClassification
from .pretrain import lr_at, deadline_passed


def loss_fn(logits, Y, kind, w=None):
    w = torch.ones(len(Y), dtype=logits.dtype) if w is None else w
    if kind == "bce":
        per_row = F.binary_cross_entropy_with_logits(logits, Y, reduction="none").mean(1)
        return (per_row * w).sum() / w.sum()
    # One 5-way softmax with none's logit fixed at 0, so the 4 outputs stay one logit per condition
    # (log p_condition / p_none) and the ONNX contract is unchanged. The labels are exclusive (one subreddit per
    # post), and a softmax makes depression and suicidal compete, where 4 independent sigmoids do not.
    z = torch.cat([torch.zeros(len(logits), 1, dtype=logits.dtype), logits], 1)
    target = torch.where(Y.sum(1) > 0, Y.argmax(1) + 1, torch.zeros(len(Y), dtype=torch.long))
    return (F.cross_entropy(z, target, reduction="none") * w).sum() / w.sum()


def make_batches(lengths, batch, rng):
    idx = rng.permutation(len(lengths))
    chunk = batch * 50
    batches = []
    for c in range(0, len(idx), chunk):
        part = idx[c:c + chunk]
        part = part[np.argsort(lengths[part], kind="stable")]
        batches += [part[i:i + batch] for i in range(0, len(part), batch)]
    rng.shuffle(batches)
    return batches


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--vocab", default=str(RUNS / "tokenizer" / "vocab.txt"))
    ap.add_argument("--init", default=str(RUNS / "mlm" / "encoder.pt"), help="MLM encoder ('' = from scratch)")
    ap.add_argument("--out", default=str(RUNS / "finetune"))
    ap.add_argument("--data", default=None)
    ap.add_argument("--max-length", type=int, default=256)
    ap.add_argument("--epochs", type=float, default=2.0)
    ap.add_argument("--steps", type=int, default=0, help="override total steps")
    ap.add_argument("--budget-minutes", type=float, default=0,
                    help="if >0, shrink total steps to fit (measured after 30 steps)")
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--lr", type=float, default=1.5e-4)
    ap.add_argument("--evals-per-epoch", type=int, default=2)
    ap.add_argument("--deadline", default=None)
    ap.add_argument("--limit", type=int, default=None, help="(tests) limit train/dev rows")
    ap.add_argument("--resume-from", default=None, help="full classifier checkpoint to continue from "
                    "(a second phase with its own warmup/decay schedule)")
    ap.add_argument("--seed-offset", type=int, default=0, help="changes the batch order of a second phase")
    ap.add_argument("--loss", choices=["bce", "softmax"], default="bce")
    ap.add_argument("--dim", type=int, default=256)
    ap.add_argument("--layers", type=int, default=2)
    ap.add_argument("--heads", type=int, default=4)
    ap.add_argument("--hidden", type=int, default=1024)
    a = ap.parse_args(argv)
    out, logf, tok = start_run(a.out, a.vocab)
    tr_ids, Ytr, _, tr_meta = encode_split(tok, "train", a.data, limit=a.limit, vocab_path=a.vocab)
    Wtr = np.array([m["weight"] for m in tr_meta], dtype=np.float32)
    dv_ids, Ydv, _, _ = encode_split(tok, "dev", a.data, limit=a.limit, vocab_path=a.vocab)
    sh_ids, Ysh = (encode_split(tok, "shift", a.data, limit=a.limit, vocab_path=a.vocab)[:2] if has_shift(a.data)
                   else (None, None))
    L = a.max_length
    tr = [np.concatenate([x[:L - 1], [tok.sep]]) if len(x) > L else x for x in tr_ids]
    lengths = np.array([len(x) for x in tr])
    cfg = Config(vocab_size=len(tok.itos), max_position_embeddings=max(256, L), pad_token_id=tok.pad, dim=a.dim,
                 n_layers=a.layers, n_heads=a.heads, hidden_dim=a.hidden)
    if a.resume_from:
        s = torch.load(a.resume_from)
        cfg = Config(**s["config"])
        model = DistilBertForSequenceClassification(cfg)
        model.load_state_dict(s["model"])
        log(f"continue training from {a.resume_from} (step {s.get('step')})", logf)
    elif a.init and Path(a.init).exists():
        s = torch.load(a.init)
        cfg = Config(**{**s["config"], "n_labels": 4})
        model = DistilBertForSequenceClassification(cfg)
        model.distilbert.load_state_dict(s["encoder"])
        log(f"init from {a.init} (MLM step {s.get('step')})", logf)
    else:
        model = DistilBertForSequenceClassification(cfg)
        log("init from scratch", logf)
    steps_per_epoch = math.ceil(len(tr) / a.batch)
    total = a.steps or int(round(a.epochs * steps_per_epoch))
    decay = [p for n, p in model.named_parameters() if p.dim() >= 2]
    nodecay = [p for n, p in model.named_parameters() if p.dim() < 2]
    opt = torch.optim.AdamW([{"params": decay, "weight_decay": 0.01},
                             {"params": nodecay, "weight_decay": 0.0}], lr=a.lr, eps=1e-6)
    rng = np.random.default_rng(SEED + a.seed_offset)
    eval_every = max(1, steps_per_epoch // a.evals_per_epoch)
    best, step, hist = -1.0, 0, []
    t_start = time.time()
    t0, rl, nl = time.time(), 0.0, 0

    def macro_auc(ids, Y):
        lg = predict_logits(model, ids, L, first_window_only=True, pad_id=tok.pad)
        return float(np.mean([auc(Y[:, k], lg[:, k]) for k in range(4)]))

    def evaluate_dev():
        """The mean of dev's and reddit-shift's first-window macro AUC (dev's alone without reddit-shift)."""
        scores = {"dev": macro_auc(dv_ids, Ydv)}
        if sh_ids is not None:
            scores["shift"] = macro_auc(sh_ids, Ysh)
        log(f"first-window macro AUC {scores}", logf)
        return float(np.mean(list(scores.values())))

    def save(tag):
        torch.save({"model": model.state_dict(), "config": cfg.to_dict(), "step": step,
                    "max_length": L}, out / f"{tag}.pt.tmp")
        (out / f"{tag}.pt.tmp").replace(out / f"{tag}.pt")

    stop = False
    while step < total and not stop:
        for b in make_batches(lengths, a.batch, rng):
            model.train()
            ids, mask = pad_batch([tr[i] for i in b], tok.pad)
            for g in opt.param_groups:
                g["lr"] = lr_at(step, total, a.lr, max(1, int(0.06 * total)))
            loss = loss_fn(model(ids, mask), torch.from_numpy(Ytr[b]), a.loss, torch.from_numpy(Wtr[b]))
            opt.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            step += 1
            rl += loss.item()
            nl += 1
            if step == 30 and a.budget_minutes > 0 and not a.steps:
                per = (time.time() - t_start) / 30
                fit = int(a.budget_minutes * 60 / (per * 1.08))  # ~8% for dev evals
                if fit < total:
                    log(f"budget: {per:.2f}s/step -> total steps {total} -> {fit}", logf)
                    total = max(fit, 60)
            if step % 25 == 0:
                log(f"step {step}/{total} loss {rl / nl:.4f} {(time.time() - t0) / nl:.2f}s/step "
                    f"lr {opt.param_groups[0]['lr']:.2e}", logf)
                t0, rl, nl = time.time(), 0.0, 0
            last = step >= total or deadline_passed(a.deadline)
            if step % eval_every == 0 or last:
                m = evaluate_dev()
                hist.append({"step": step, "selection_auc_first_window": round(m, 4)})
                log(f"eval step {step}: selection macro AUC (first window, dev and shift) {m:.4f}", logf)
                save("last")
                if m > best:
                    best = m
                    save("best")
                (out / "history.json").write_text(json.dumps(hist, indent=1))
            if last:
                stop = True
                break
    (out / "done.json").write_text(json.dumps({"step": step, "total": total, "best_selection_auc": best}))
    log(f"fine-tune done: step {step}, best selection AUC (first window) {best:.4f}", logf)


if __name__ == "__main__":
    main()
