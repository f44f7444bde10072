"""Masked-language-model pretraining of the DistilBERT-shaped encoder on the unlabeled
corpus plus the train split text (never dev/test). Checkpoints to training/runs/mlm/."""
import argparse
import datetime as dt
import json
import math
import time

import numpy as np
import torch
import torch.nn.functional as F

from .common import RUNS, start_run, SEED, log
from .corpus import load_rows
from .data import encode_pretrain
from .model import Config, DistilBertForMaskedLM


def mask_tokens(x, tok, vocab_size, rng, p=0.15):
    """BERT masking: 15% of non-special positions; 80% [MASK], 10% random, 10% kept."""
    special = x < 5
    prob = rng.random(x.shape)
    sel = (prob < p) & ~special
    labels = x[sel].copy()
    inp = x.copy()
    r = rng.random(x.shape)
    inp[sel & (r < 0.8)] = tok.mask
    rnd = sel & (r >= 0.8) & (r < 0.9)
    inp[rnd] = rng.integers(5, vocab_size, size=int(rnd.sum()))
    return inp, sel, labels


def deadline_passed(deadline):
    if not deadline:
        return False
    now = dt.datetime.utcnow()
    h, m = map(int, deadline.split(":"))
    d = now.replace(hour=h, minute=m, second=0, microsecond=0)
    if d < now - dt.timedelta(hours=12):
        d += dt.timedelta(days=1)
    return now >= d


def lr_at(step, total, peak, warmup):
    if step < warmup:
        return peak * (step + 1) / warmup
    return peak * max(0.0, (total - step) / max(1, total - warmup))


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--vocab", default=str(RUNS / "tokenizer" / "vocab.txt"))
    ap.add_argument("--out", default=str(RUNS / "mlm"))
    ap.add_argument("--data", default=None)
    ap.add_argument("--steps", type=int, default=2400)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--seq-len", type=int, default=256)
    ap.add_argument("--lr", type=float, default=5e-4)
    ap.add_argument("--warmup", type=int, default=200)
    ap.add_argument("--dim", type=int, default=256)
    ap.add_argument("--layers", type=int, default=4)
    ap.add_argument("--heads", type=int, default=4)
    ap.add_argument("--hidden", type=int, default=1024)
    ap.add_argument("--save-every", type=int, default=200)
    ap.add_argument("--deadline", default=None, help="HH:MM UTC; stop early, saving, when passed")
    ap.add_argument("--pretrain-limit", type=int, default=None, help="(tests) limit unlabeled docs")
    ap.add_argument("--train-limit", type=int, default=None)
    a = ap.parse_args(argv)
    out, logf, tok = start_run(a.out, a.vocab)
    V = len(tok.itos)
    train_texts = [r["text"] for r in load_rows("train", a.data, a.train_limit)]
    flat = np.asarray(encode_pretrain(tok, a.vocab, train_texts, a.pretrain_limit))
    L = a.seq_len
    nb = len(flat) // (L - 1)
    blocks = np.empty((nb, L), dtype=np.int64)
    blocks[:, 0] = tok.cls
    blocks[:, 1:] = flat[: nb * (L - 1)].reshape(nb, L - 1)
    log(f"MLM: {nb} blocks of {L} ({len(flat)} tokens); steps {a.steps} x batch {a.batch}", logf)

    cfg = Config(vocab_size=V, max_position_embeddings=max(256, L), dim=a.dim, n_layers=a.layers,
                 n_heads=a.heads, hidden_dim=a.hidden, pad_token_id=tok.pad)
    model = DistilBertForMaskedLM(cfg)
    decay = [p for n, p in model.named_parameters() if p.dim() >= 2]
    nodecay = [p for n, p in model.named_parameters() if p.dim() < 2]
    opt = torch.optim.AdamW([{"params": decay, "weight_decay": 0.01},
                             {"params": nodecay, "weight_decay": 0.0}], lr=a.lr, betas=(0.9, 0.98), eps=1e-6)
    step = 0
    ck = out / "last.pt"
    if ck.exists():
        s = torch.load(ck)
        model.load_state_dict(s["model"])
        opt.load_state_dict(s["opt"])
        step = s["step"]
        log(f"resumed at step {step}", logf)
    rng = np.random.default_rng(SEED + step)
    perm_rng = np.random.default_rng(SEED)
    order = np.concatenate([perm_rng.permutation(nb) for _ in range(math.ceil(a.steps * a.batch / nb) + 1)])
    attn = torch.ones(a.batch, L, dtype=torch.long)

    def save(tag="last"):
        torch.save({"model": model.state_dict(), "opt": opt.state_dict(), "step": step, "config": cfg.to_dict()},
                   out / f"{tag}.pt.tmp")
        (out / f"{tag}.pt.tmp").replace(out / f"{tag}.pt")
        torch.save({"encoder": model.distilbert.state_dict(), "config": cfg.to_dict(), "step": step},
                   out / "encoder.pt.tmp")
        (out / "encoder.pt.tmp").replace(out / "encoder.pt")

    model.train()
    t0, run_loss, run_acc, n_log = time.time(), 0.0, 0.0, 0
    while step < a.steps:
        idx = order[step * a.batch:(step + 1) * a.batch]
        x = blocks[idx]
        inp, sel, labels = mask_tokens(x, tok, V, rng)
        for g in opt.param_groups:
            g["lr"] = lr_at(step, a.steps, a.lr, a.warmup)
        logits = model(torch.from_numpy(inp), attn[: len(idx)], torch.from_numpy(sel))
        tgt = torch.from_numpy(labels)
        loss = F.cross_entropy(logits, tgt)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        step += 1
        run_loss += loss.item()
        run_acc += (logits.argmax(-1) == tgt).float().mean().item()
        n_log += 1
        if step % 20 == 0 or step == a.steps:
            el = time.time() - t0
            log(f"step {step}/{a.steps} loss {run_loss / n_log:.3f} acc {run_acc / n_log:.3f} "
                f"{el / n_log:.2f}s/step lr {opt.param_groups[0]['lr']:.2e}", logf)
            t0, run_loss, run_acc, n_log = time.time(), 0.0, 0.0, 0
        if step % a.save_every == 0:
            save()
        if deadline_passed(a.deadline):
            log(f"deadline {a.deadline} reached at step {step}; stopping", logf)
            break
    save()
    (out / "done.json").write_text(json.dumps({"step": step, "steps": a.steps}))
    log("MLM done", logf)


if __name__ == "__main__":
    main()
