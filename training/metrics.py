"""Evaluation metrics shared by every model (mirrored in lib/classifier/metrics.ts).

- ROC-AUC / F1 / precision / recall: per condition, one-vs-rest (a `none` post is negative
  for all four); macro = mean over conditions present in the file (having positives).
- accuracy: 5-way; predicted class = the condition with the highest probability among those
  at or above their threshold, else `none`.
- ECE: pooled over the four (post, condition) binary probabilities, 15 equal-width bins.
- crisis: suicidal recall and none-flagged rate of the crisis score (p(suicidal), or the crisis head's) >= the
  crisis threshold, and the share of each condition's posts it flags.
- CIs: percentile bootstrap over posts, 1000 resamples, seed 1234.
"""
import numpy as np

from .common import LABELS, ALL_CLASSES


def auc(y, s):
    """Mann-Whitney ROC-AUC with average ranks for ties."""
    y = np.asarray(y, dtype=bool)
    s = np.asarray(s, dtype=np.float64)
    npos = int(y.sum())
    nneg = len(y) - npos
    if npos == 0 or nneg == 0:
        return float("nan")
    from scipy.stats import rankdata
    ranks = rankdata(s, method="average")
    return float((ranks[y].sum() - npos * (npos + 1) / 2.0) / (npos * nneg))


def prf(y, pred):
    y = np.asarray(y, dtype=bool)
    pred = np.asarray(pred, dtype=bool)
    tp = float((y & pred).sum())
    fp = float((~y & pred).sum())
    fn = float((y & ~pred).sum())
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def predict_class(P, thresholds):
    th = np.array([thresholds[l] for l in LABELS])
    above = P >= th
    masked = np.where(above, P, -1.0)
    top = masked.argmax(1)
    return np.where(above.any(1), top, len(LABELS))


def ece(Y, P, bins=15):
    y = Y.reshape(-1)
    p = P.reshape(-1)
    idx = np.minimum((p * bins).astype(int), bins - 1)
    e = 0.0
    for b in range(bins):
        m = idx == b
        if m.any():
            e += m.mean() * abs(p[m].mean() - y[m].mean())
    return float(e)


def present_labels(Y):
    return [k for k in range(len(LABELS)) if Y[:, k].sum() > 0 and (1 - Y[:, k]).sum() > 0]


def point_metrics(Y, cls, P, thresholds):
    ks = present_labels(Y)
    aucs = [auc(Y[:, k], P[:, k]) for k in ks]
    th = np.array([thresholds[l] for l in LABELS])
    f1s = [prf(Y[:, k], P[:, k] >= th[k])[2] for k in ks]
    pred = predict_class(P, thresholds)
    return float(np.mean(aucs)), float(np.mean(f1s)), float((pred == cls).mean())


def bootstrap(Y, cls, P, thresholds, n=1000, seed=1234):
    rng = np.random.default_rng(seed)
    N = len(Y)
    out = []
    for _ in range(n):
        i = rng.integers(0, N, N)
        out.append(point_metrics(Y[i], cls[i], P[i], thresholds))
    return np.array(out)


def evaluate(Y, cls, P, thresholds, crisis_threshold=None, n_boot=1000, crisis_p=None):
    """Y: [n,4] 0/1, cls: [n] 0..4 (4 = none), P: calibrated probabilities [n,4]; crisis_p: the crisis score the
    crisis threshold applies to (default p(suicidal))."""
    a, f, acc = point_metrics(Y, cls, P, thresholds)
    res = {"n": int(len(Y))}
    if n_boot:
        B = bootstrap(Y, cls, P, thresholds, n_boot)
        lo, hi = np.nanpercentile(B, 2.5, axis=0), np.nanpercentile(B, 97.5, axis=0)
    else:
        lo = hi = [float("nan")] * 3
    for j, (k, v) in enumerate((("auc", a), ("f1", f), ("accuracy", acc))):
        res[k] = {"value": round(v, 4), "ci_low": round(float(lo[j]), 4), "ci_high": round(float(hi[j]), 4)}
    th = np.array([thresholds[l] for l in LABELS])
    per = {}
    for k in present_labels(Y):
        p, r, f1 = prf(Y[:, k], P[:, k] >= th[k])
        per[LABELS[k]] = {"auc": round(auc(Y[:, k], P[:, k]), 4), "f1": round(f1, 4),
                          "precision": round(p, 4), "recall": round(r, 4)}
    res["per_label"] = per
    pred = predict_class(P, thresholds)
    cm = np.zeros((5, 5), dtype=int)
    for t, p in zip(cls, pred):
        cm[t, p] += 1
    res["confusion"] = {"classes": ALL_CLASSES, "matrix": cm.tolist()}
    res["ece"] = round(ece(Y, P), 4)
    if crisis_threshold is not None:
        s = LABELS.index("suicidal")
        sui = cls == s
        non = cls == len(LABELS)
        flag = (P[:, s] if crisis_p is None else np.asarray(crisis_p)) >= crisis_threshold
        res["crisis"] = {
            "threshold": round(float(crisis_threshold), 6),
            "suicidal_recall": round(float(flag[sui].mean()), 4) if sui.any() else None,
            "none_flagged_rate": round(float(flag[non].mean()), 4) if non.any() else None,
            # how often the crisis tier fires on each other condition's posts: what its recall costs them
            "flagged_by_label": {l: round(float(flag[cls == k].mean()), 4) for k, l in enumerate(LABELS)
                                 if (cls == k).any()},
        }
    return res


def choose_thresholds(Y, cls, P, grid=None):
    """Per-label F1-optimal thresholds, then two rounds of coordinate ascent on
    macro F1 + 5-way accuracy (all on dev)."""
    grid = grid if grid is not None else np.round(np.arange(0.05, 0.951, 0.01), 2)
    th = {}
    for k, l in enumerate(LABELS):
        best = max(grid, key=lambda t: prf(Y[:, k], P[:, k] >= t)[2])
        th[l] = float(best)

    def obj(t):
        th_ = np.array([t[l] for l in LABELS])
        f = np.mean([prf(Y[:, k], P[:, k] >= th_[k])[2] for k in range(len(LABELS))])
        acc = (predict_class(P, t) == cls).mean()
        return f + acc

    cur = obj(th)
    for _ in range(2):
        for l in LABELS:
            for t in grid:
                cand = dict(th)
                cand[l] = float(t)
                v = obj(cand)
                if v > cur + 1e-9:
                    cur, th = v, cand
    return th


def crisis_threshold(cls, p_suicidal, max_none_rate=0.04):
    """Lowest threshold whose none-flagged rate on dev is <= max_none_rate (maximises recall)."""
    non = np.sort(p_suicidal[cls == len(LABELS)])[::-1]
    k = int(np.floor(max_none_rate * len(non)))
    # flag strictly above the (k+1)-th highest none score
    t = float(np.nextafter(non[k], 1.0)) if k < len(non) else 0.0
    return t
