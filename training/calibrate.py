"""Per-label Platt scaling (calibrated p = sigmoid(a*logit + b)), fitted on dev."""
import numpy as np
import torch

from .common import LABELS


def fit_platt(logits, Y, iters=500):
    z = torch.tensor(np.asarray(logits, dtype=np.float64))
    y = torch.tensor(np.asarray(Y, dtype=np.float64))
    out = {}
    for k, l in enumerate(LABELS):
        a = torch.ones(1, dtype=torch.float64, requires_grad=True)
        b = torch.zeros(1, dtype=torch.float64, requires_grad=True)
        opt = torch.optim.LBFGS([a, b], lr=0.5, max_iter=iters, line_search_fn="strong_wolfe")

        def closure():
            opt.zero_grad()
            loss = torch.nn.functional.binary_cross_entropy_with_logits(a * z[:, k] + b, y[:, k])
            loss.backward()
            return loss

        opt.step(closure)
        out[l] = {"a": float(a.item()), "b": float(b.item())}
    return out


def apply_platt(logits, params):
    logits = np.asarray(logits, dtype=np.float64)
    P = np.empty_like(logits)
    for k, l in enumerate(LABELS):
        P[:, k] = 1.0 / (1.0 + np.exp(-(params[l]["a"] * logits[:, k] + params[l]["b"])))
    return P


def logit(p, eps=1e-6):
    p = np.clip(np.asarray(p, dtype=np.float64), eps, 1 - eps)
    return np.log(p / (1 - p))
