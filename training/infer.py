"""Batched inference with the production windowing: every window of a post is scored and
logits are max-pooled over windows (same as lib/classifier)."""
import numpy as np
import torch

from .wordpiece import windows


def pad_batch(seqs, pad_id=0):
    L = max(len(s) for s in seqs)
    ids = np.full((len(seqs), L), pad_id, dtype=np.int64)
    mask = np.zeros((len(seqs), L), dtype=np.int64)
    for i, s in enumerate(seqs):
        ids[i, :len(s)] = s
        mask[i, :len(s)] = 1
    return torch.from_numpy(ids), torch.from_numpy(mask)


@torch.no_grad()
def predict_logits(model, docs, max_length, batch_tokens=8192, first_window_only=False, pad_id=0):
    """docs: list of id arrays ([CLS] ... [SEP]). Returns [n, n_out] max-pooled logits."""
    model.eval()
    owner, seqs = [], []
    for i, d in enumerate(docs):
        ws = windows(list(d), max_length)
        if first_window_only:
            ws = ws[:1]
        owner.extend([i] * len(ws))
        seqs.extend(ws)
    order = np.argsort([len(s) for s in seqs], kind="stable")
    out = None
    j = 0
    while j < len(order):
        L = len(seqs[order[min(len(order) - 1, j)]])
        nb = max(1, batch_tokens // max(L, 1))
        idx = order[j:j + nb]
        L = max(len(seqs[t]) for t in idx)
        nb = max(1, batch_tokens // L)
        idx = order[j:j + nb]
        ids, mask = pad_batch([seqs[t] for t in idx], pad_id)
        lg = model(ids, mask).numpy()
        if out is None:
            out = np.full((len(docs), lg.shape[1]), -np.inf, dtype=np.float64)
        for r, t in enumerate(idx):
            o = owner[t]
            out[o] = np.maximum(out[o], lg[r])
        j += len(idx)
    return out
