"""Build the shipped model: score dev, test and reddit-shift with the production windowing; choose the ensemble
weights (transformer + bag-of-n-grams), the word-model blend, the stack and Platt calibration on dev; choose the
per-label thresholds on dev and reddit-shift together and the crisis threshold for the world (world_crisis_threshold);
evaluate test once per model; export one ONNX graph and write models/<name>/ (model.onnx, tokenizer files,
config.json, metrics.json). reddit-shift is never trained on: it only sets thresholds and is reported."""
import argparse
import hashlib
import json
import shutil
import time
from pathlib import Path

import numpy as np
import onnx
import torch

from .bag import BagOfNgrams
from .calibrate import apply_platt, fit_platt
from .common import LABELS, MODEL_NAME, MODEL_VERSION, REPO, RUNS, log, seed_everything, set_threads, softmax_classes
from .corpus import has_shift
from .data import encode_split
from .infer import pad_batch
from .metrics import auc, choose_thresholds, crisis_threshold, evaluate
from .model import Config, DistilBertForSequenceClassification, Ensemble
from .quantize import QUANTIZATION, quantize_matmuls
from .wordpiece import WordPieceTokenizer, windows

CRISIS_MAX_NONE_RATE = 0.04  # on dev and on reddit-shift, with margin under the 5% bar
CRISIS_MAX_SOURCE_RATE = 0.06  # on each reddit-shift community's none posts, with margin under the 8% bar


def world_crisis_threshold(cdv, pdv, shift=None):
    """The lowest p(suicidal) threshold that flags at most CRISIS_MAX_NONE_RATE of none posts on dev and on
    reddit-shift, and at most CRISIS_MAX_SOURCE_RATE of any one reddit-shift source's none posts: a tier that keeps its
    meaning on posts unlike the training data, not only on the training collections. shift: (cls, p, sources)."""
    t = crisis_threshold(cdv, pdv, CRISIS_MAX_NONE_RATE)
    if shift is not None:
        csh, psh, src = shift
        t = max(t, crisis_threshold(csh, psh, CRISIS_MAX_NONE_RATE))
        for s in sorted(set(src[csh == len(LABELS)])):
            rows = src == s
            t = max(t, crisis_threshold(csh[rows], psh[rows], CRISIS_MAX_SOURCE_RATE))
    return t


def none_flagged_by_source(cls, p, src, t):
    """Share of each source's none posts at or above the crisis threshold."""
    non = cls == len(LABELS)
    return {s: round(float((p[non & (src == s)] >= t).mean()), 4) for s in sorted(set(src[non]))}


@torch.no_grad()
def window_logits(models, docs, max_length, pad_id, batch_tokens=8192):
    """Per-window logits for each model. Returns owner [W] and list of [W,4] arrays."""
    owner, seqs = [], []
    for i, d in enumerate(docs):
        ws = windows(list(d), max_length)
        owner.extend([i] * len(ws))
        seqs.extend(ws)
    owner = np.array(owner)
    outs = [np.zeros((len(seqs), 4), dtype=np.float64) for _ in models]
    order = np.argsort([len(s) for s in seqs], kind="stable")
    j = 0
    for m in models:
        m.eval()
    while j < len(order):
        L = len(seqs[order[min(len(order) - 1, j + 7)]])
        nb = max(1, batch_tokens // L)
        idx = order[j:j + nb]
        ids, mask = pad_batch([seqs[t] for t in idx], pad_id)
        for o, m in zip(outs, models):
            o[idx] = m(ids, mask).numpy()
        j += len(idx)
    return owner, outs


def maxpool(owner, W, n):
    out = np.full((n, W.shape[1]), -np.inf)
    np.maximum.at(out, owner, W)
    return out


def alpha_weights(owner, T, B, Y, n, k):
    sT, sB = T[:, k].std() + 1e-9, B[:, k].std() + 1e-9
    best = (-1, 0.5)
    for a in np.round(np.arange(0, 1.0001, 0.05), 2):
        z = maxpool(owner, (a / sT * T[:, k] + (1 - a) / sB * B[:, k])[:, None], n)[:, 0]
        v = auc(Y[:, k], z)
        if v > best[0] + 1e-12:
            best = (v, a)
    w = np.zeros(8)
    w[k], w[4 + k] = best[1] / sT, (1 - best[1]) / sB
    return w, 0.0, float(best[1])


def stack_weights(owner, T, B, Y, n, k, C=1.0):
    from sklearn.linear_model import LogisticRegression
    X = maxpool(owner, np.hstack([T, B]), n)
    mu, sd = X.mean(0), X.std(0) + 1e-9
    lr = LogisticRegression(C=C, max_iter=2000).fit((X - mu) / sd, Y[:, k])
    w = lr.coef_[0] / sd
    return w, float(lr.intercept_[0] - (lr.coef_[0] * mu / sd).sum()), None


def choose_combiner(owner, T, B, Y, n, folds=5, seed=1234):
    """Per label, pick between (a) a 2-weight blend of the label's own transformer and bag
    logits (alpha grid) and (b) a logistic-regression stack over all 8 logits, by 5-fold
    cross-validated dev AUC with the serving max-pool over windows; refit the winner on all dev."""
    rng = np.random.default_rng(seed)
    fold = rng.integers(0, folds, n)
    wfold = fold[owner]
    F = np.hstack([T, B])
    W, c, chosen = np.zeros((4, 8)), np.zeros(4), []
    for k in range(4):
        cv = {}
        for name, fn in (("blend", alpha_weights), ("stack", stack_weights)):
            oof = np.zeros(n)
            for f in range(folds):
                tr_w, te_w = wfold != f, wfold == f
                tr_docs = np.flatnonzero(fold != f)
                remap = -np.ones(n, dtype=int)
                remap[tr_docs] = np.arange(len(tr_docs))
                w, b, _ = fn(remap[owner[tr_w]], T[tr_w], B[tr_w], Y[tr_docs], len(tr_docs), k)
                z = maxpool(owner[te_w], (F[te_w] @ w + b)[:, None], n)[:, 0]
                oof[fold == f] = z[fold == f]
            cv[name] = auc(Y[:, k], oof)
        best = max(cv, key=cv.get)
        w, b, alpha = (alpha_weights if best == "blend" else stack_weights)(owner, T, B, Y, n, k)
        W[k], c[k] = w, b
        chosen.append({"label": LABELS[k], "method": best, "cv_auc": {m: round(v, 4) for m, v in cv.items()},
                       "alpha_transformer": alpha})
        log(f"combiner {LABELS[k]}: {chosen[-1]}")
    return W, c, chosen


def choose_word_blend(E, Wd, Y, folds=5, seed=1234):
    """Per label, the weight of the word model's logits next to the ensemble's (alpha grid on z-scaled logits),
    kept only where 5-fold cross-validated dev AUC beats the ensemble alone; refit on all dev."""
    n = len(Y)
    fold = np.random.default_rng(seed).integers(0, folds, n)
    alphas = np.round(np.arange(0, 0.80001, 0.05), 2)
    out = {"ensemble": [], "word": []}
    cv_out = []
    for k in range(4):
        sE, sW = E[:, k].std() + 1e-9, Wd[:, k].std() + 1e-9

        def z(al, idx):
            return (1 - al) / sE * E[idx, k] + al / sW * Wd[idx, k]

        def best_alpha(idx):
            return max(alphas, key=lambda al: (auc(Y[idx, k], z(al, idx)), -al))

        oof = {"alone": np.zeros(n), "blend": np.zeros(n)}
        for f in range(folds):
            tr, te = fold != f, fold == f
            oof["alone"][te] = E[te, k]
            oof["blend"][te] = z(best_alpha(tr), te) * sE  # back on the ensemble's scale across folds
        cv = {m: auc(Y[:, k], v) for m, v in oof.items()}
        al = float(best_alpha(np.arange(n))) if cv["blend"] > cv["alone"] else 0.0
        # in the ensemble's own units, so calibration and thresholds see the familiar scale
        out["ensemble"].append(round((1 - al), 6))
        out["word"].append(round(al * sE / sW, 6))
        cv_out.append({"label": LABELS[k], "alpha_word": al, "cv_auc": {m: round(v, 4) for m, v in cv.items()}})
        log(f"word blend {LABELS[k]}: {cv_out[-1]}")
    return out, cv_out


STACK_C = 0.1  # chosen on dev: 0.03-0.3 gave the same CV AUC


def stack_features(F, center):
    """What the stack reads: the members' logits F and, when a centre is given, their squared distances from it
    (the dev mean). Square terms let the softmax bend where a member is extreme either way; on dev (5-fold CV over
    6 fold seeds) they lifted the chosen macro AUC by ~0.0003 alone and ~0.0009 with the word graph's pairwise
    columns, where gradient-boosted trees as the stack did worse (0.9487 vs 0.9499) and a small MLP no better."""
    return F if center is None else np.hstack([F, (F - np.asarray(center)) ** 2])


def stack_fit(F, Y, C=STACK_C):
    """A 5-way softmax logistic regression (none + the 4 conditions) over the members' logits F. Standardisation is
    folded into the weights, so serving is one [5 x features] product. Returns W [5, f] and b [5]."""
    from sklearn.linear_model import LogisticRegression
    classes = softmax_classes(Y)
    mu, sd = F.mean(0), F.std(0) + 1e-9
    m = LogisticRegression(C=C, max_iter=3000).fit((F - mu) / sd, classes)
    return m.coef_ / sd, m.intercept_ - (m.coef_ * mu / sd).sum(1)


def stack_logits(F, W, b):
    """Per condition k, log(p_k / (1 - p_k)) under the stack's softmax: z_k - logsumexp(z of the other classes)."""
    z = F @ W.T + b
    out = []
    for k in range(1, 5):
        rest = np.delete(z, k, axis=1)
        m = rest.max(1)
        out.append(z[:, k] - (m + np.log(np.exp(rest - m[:, None]).sum(1))))
    return np.stack(out, 1)


def recall_at_none_rate(Y, score, rate=CRISIS_MAX_NONE_RATE):
    """Share of suicidal posts scored above the threshold that flags `rate` of none posts: the crisis tier's recall."""
    cls = np.where(Y.sum(1) > 0, Y.argmax(1), len(LABELS))  # as crisis_threshold reads it: none = 4
    t = crisis_threshold(cls, score, rate)
    return float((score[Y[:, LABELS.index("suicidal")] == 1] >= t).mean())


MIX_GRID = np.round(np.arange(0, 1.0001, 0.1), 1)


def choose_stack(blended, F, Y, folds=5, seed=1234, shift=None):
    """Per label, how much of the softmax stack over all members' logits (and their squares) to mix into the blend (share 0 to 1 of the
    two z-scaled logits), by 5-fold cross-validated dev AUC; the stack is refit on all dev. The labels are exclusive,
    and a softmax lets depression and suicidal compete. The suicidal score also sets the crisis tier, so its share is
    the one with the best dev crisis recall (at the share of none posts the tier may flag), ties broken by AUC: the
    stack alone ranks suicidal above depression better but separates it from none posts less well at that
    threshold (dev, out of fold: 0.911 vs 0.930), while a mix does better than either on both. With reddit-shift
    (shift: its blended logits, features and labels), the suicidal share is the one with the best mean of dev's
    out-of-fold crisis recall and reddit-shift's (the stack fitted on all dev, never on reddit-shift): on dev alone
    the stack's share follows what separates the training collections' none posts, which is not what separates
    the world's.
    Returns the stack and, per label, the served weights: logit = blend_weight x blend + stack_weight x stack."""
    n = len(Y)
    center = F.mean(0)
    G = stack_features(F, center)
    fold = np.random.default_rng(seed).integers(0, folds, n)
    oof = np.zeros((n, 4))
    for f in range(folds):
        tr, te = fold != f, fold == f
        oof[te] = stack_logits(G[te], *stack_fit(G[tr], Y[tr]))
    W, b = stack_fit(G, Y)
    full = stack_logits(G, W, b)
    wb, ws, cv_out = [], [], []
    for k in range(4):
        sb, so = blended[:, k].std() + 1e-9, oof[:, k].std() + 1e-9
        mixed = {a: (1 - a) / sb * blended[:, k] + a / so * oof[:, k] for a in MIX_GRID}
        cv = {a: auc(Y[:, k], z) for a, z in mixed.items()}
        row = {"label": LABELS[k]}
        if LABELS[k] == "suicidal":
            # the share that catches the most suicidal posts at the crisis tier's threshold; ties go to AUC
            recall = {a: recall_at_none_rate(Y, z) for a, z in mixed.items()}
            row["cv_crisis_recall"] = {str(a): round(v, 4) for a, v in recall.items()}
            if shift is not None:
                Bsh, Fsh, Ysh = shift
                Ssh = stack_logits(stack_features(Fsh, center), W, b)[:, k]
                sf = full[:, k].std() + 1e-9  # as served: blend_weight and stack_weight below
                shift_recall = {a: recall_at_none_rate(Ysh, (1 - a) / sb * Bsh[:, k] + a / sf * Ssh) for a in MIX_GRID}
                row["shift_crisis_recall"] = {str(a): round(v, 4) for a, v in shift_recall.items()}
                recall = {a: (recall[a] + shift_recall[a]) / 2 for a in MIX_GRID}
            share = float(max(MIX_GRID, key=lambda a: (round(recall[a], 6), round(cv[a], 6), -a)))
        else:
            share = float(max(MIX_GRID, key=lambda a: (round(cv[a], 6), -a)))
        # in the blend's own units, so calibration and thresholds see the familiar scale
        wb.append(round(1 - share, 6))
        ws.append(round(share * sb / (full[:, k].std() + 1e-9), 6))
        cv_out.append({**row, "stack_share": share, "cv_auc": {str(a): round(v, 4) for a, v in cv.items()}})
        log(f"stack {LABELS[k]}: share {share}, CV AUC blend {cv[0.0]:.4f} / stack {cv[1.0]:.4f} / chosen {cv[share]:.4f}")
    return {"center": center.round(8).tolist(), "weights": W.round(8).tolist(), "bias": b.round(8).tolist(),
            "blend_weight": wb, "stack_weight": ws}, cv_out


def apply_stack(blended, F, stack):
    S = stack_logits(stack_features(F, stack.get("center")), np.array(stack["weights"]), np.array(stack["bias"]))
    return np.array(stack["blend_weight"])[None, :] * blended + np.array(stack["stack_weight"])[None, :] * S


def stack_contrast(F, stack):
    """The stack's log(p_suicidal / p_none) under its 5-way softmax: how much more a post reads as suicidal than as
    no condition, whatever it says of the other conditions."""
    z = stack_features(F, stack.get("center")) @ np.array(stack["weights"]).T + np.array(stack["bias"])
    return z[:, 1 + LABELS.index("suicidal")] - z[:, 0]


CRISIS_MAX_OTHER_RISE = 0.10  # the crisis head may flag at most this much more of any other condition's posts


def flagged_other(Y, score, rate=CRISIS_MAX_NONE_RATE):
    """Per other condition (depression, anxiety, bipolar), the share of its posts at or above the threshold that
    flags `rate` of none posts."""
    cls = np.where(Y.sum(1) > 0, Y.argmax(1), len(LABELS))
    t = crisis_threshold(cls, score, rate)
    return np.array([(score[cls == k] >= t).mean() if (cls == k).any() else 0.0
                     for k in range(len(LABELS)) if LABELS[k] != "suicidal"])


def choose_crisis(sui, contrast, Y, shift=None):
    """The crisis tier's score: a mix of the served suicidal logit (suicidal against everything else, depression
    included) and the stack's suicidal-against-none contrast. p(suicidal) must tell suicidal from depression posts,
    which costs it some of its separation from posts with no condition, the one the crisis tier is judged on (the
    share of suicidal posts caught at a fixed share of none posts flagged). The contrast separates suicidal from none
    better, and flags more of the other conditions' posts. The share is the one with the best mean crisis recall on
    dev and reddit-shift (shift: (sui, contrast, Y)) among those that flag at most CRISIS_MAX_OTHER_RISE more of any
    other condition's posts than p(suicidal) alone, on either set: the tier is for suicidal risk, and a mix that
    put most bipolar posts in it would stop meaning that. Returns the served weights and the recalls."""
    s1, s2 = sui.std() + 1e-9, contrast.std() + 1e-9
    sets = [(sui, contrast, Y)] + ([shift] if shift is not None else [])
    rec, rise = {}, {}
    for a in MIX_GRID:
        mixed = [(Ys, (1 - a) / s1 * su + a / s2 * co) for su, co, Ys in sets]
        rec[float(a)] = [recall_at_none_rate(Ys, z) for Ys, z in mixed]
        rise[float(a)] = max(float((flagged_other(Ys, z) - flagged_other(Ys, su)).max()) for (Ys, z), (su, _, _) in
                             zip(mixed, sets))
    ok = [a for a in rec if rise[a] <= CRISIS_MAX_OTHER_RISE]
    share = max(ok, key=lambda a: (round(float(np.mean(rec[a])), 4), -a))
    log(f"crisis head: contrast share {share}; per share, mean crisis recall (dev, reddit-shift) / largest rise in "
        "another condition's crisis rate: " + ", ".join(f"{a}: {np.mean(r):.4f} / {rise[a]:.3f}" for a, r in rec.items()))
    return ({"share": share, "suicidal_weight": round((1 - share) / s1, 8), "contrast_weight": round(share / s2, 8)},
            {str(a): {"recall": [round(x, 4) for x in r], "other_rise": round(rise[a], 4)} for a, r in rec.items()})


def crisis_logit(sui, contrast, crisis):
    return crisis["suicidal_weight"] * sui + crisis["contrast_weight"] * contrast


def fit_crisis_platt(K, y):
    """Platt scaling of the crisis logit against 'is a suicidal post', so the crisis score reads as a probability."""
    from sklearn.linear_model import LogisticRegression
    m = LogisticRegression(C=1e4, max_iter=1000).fit(K[:, None], y)
    return {"a": float(m.coef_[0, 0]), "b": float(m.intercept_[0])}


def crisis_probability(K, cal):
    return 1.0 / (1.0 + np.exp(-(cal["a"] * K + cal["b"])))


def fit_and_eval(name, Ldv, Lte, Ydv, cdv, Yte, cte, n_boot=1000, shift=None, crisis=None):
    """Platt calibration on dev; per-label thresholds on dev and reddit-shift together; the crisis threshold by
    world_crisis_threshold. shift: (logits, Y, cls, sources) of reddit-shift, or None. crisis: the crisis head's
    logits (dev, test, reddit-shift or None), calibrated on dev; without it the crisis score is p(suicidal)."""
    s = LABELS.index("suicidal")
    cal = fit_platt(Ldv, Ydv)
    Pdv, Pte = apply_platt(Ldv, cal), apply_platt(Lte, cal)
    Psh = apply_platt(shift[0], cal) if shift is not None else None
    ccal = None
    if crisis is None:
        Cdv, Cte, Csh = Pdv[:, s], Pte[:, s], (Psh[:, s] if Psh is not None else None)
    else:
        ccal = fit_crisis_platt(crisis[0], Ydv[:, s])
        Cdv, Cte = crisis_probability(crisis[0], ccal), crisis_probability(crisis[1], ccal)
        Csh = crisis_probability(crisis[2], ccal) if shift is not None else None
    if shift is None:
        th = choose_thresholds(Ydv, cdv, Pdv)
        ct = world_crisis_threshold(cdv, Cdv)
    else:
        _, Ysh, csh, src = shift
        th = choose_thresholds(np.vstack([Ydv, Ysh]), np.concatenate([cdv, csh]), np.vstack([Pdv, Psh]))
        ct = world_crisis_threshold(cdv, Cdv, (csh, Csh, src))
    res = {"model": name, "thresholds": th, "calibration": cal, "crisis_threshold": ct,
           "dev": evaluate(Ydv, cdv, Pdv, th, ct, n_boot, crisis_p=Cdv),
           "test": evaluate(Yte, cte, Pte, th, ct, n_boot, crisis_p=Cte)}
    if ccal:
        res["crisis_calibration"] = ccal
    if shift is not None:
        res["shift"] = evaluate(Ysh, csh, Psh, th, ct, n_boot, crisis_p=Csh)
        res["shift"]["crisis"]["none_flagged_by_source"] = none_flagged_by_source(csh, Csh, src, ct)
        res["shift"]["crisis"]["recall_at_none_5pct"] = round(recall_at_none_rate(Ysh, Csh, 0.05), 4)
    res["test"]["crisis"]["recall_at_none_5pct"] = round(recall_at_none_rate(Yte, Cte, 0.05), 4)
    sh = res.get("shift", {})
    log(f"{name}: dev auc {res['dev']['auc']['value']} f1 {res['dev']['f1']['value']} acc "
        f"{res['dev']['accuracy']['value']} crisis {res['dev']['crisis']} | SHIFT auc {sh.get('auc')} "
        f"crisis {sh.get('crisis')} | TEST auc {res['test']['auc']} "
        f"f1 {res['test']['f1']['value']} acc {res['test']['accuracy']['value']} crisis {res['test']['crisis']} "
        f"ece {res['test']['ece']}")
    return res


def load_transformer(path):
    s = torch.load(path)
    cfg = Config(**s["config"])
    m = DistilBertForSequenceClassification(cfg)
    m.load_state_dict(s["model"])
    m.eval()
    return m, cfg, s.get("step")


def load_bag(path):
    s = torch.load(path)
    b = BagOfNgrams(s["vocab_size"], 4, s["buckets"], s["trigrams"])
    b.load_state_dict(s["model"])
    b.eval()
    return b, s


def export_onnx(module, path, sample_len=16):
    ids = torch.randint(5, 100, (2, sample_len))
    mask = torch.ones_like(ids)
    torch.onnx.export(module, (ids, mask), str(path), opset_version=14,
                      input_names=["input_ids", "attention_mask"], output_names=["logits"],
                      dynamic_axes={"input_ids": {0: "batch", 1: "sequence"},
                                    "attention_mask": {0: "batch", 1: "sequence"},
                                    "logits": {0: "batch"}},
                      do_constant_folding=True)
    onnx.checker.check_model(onnx.load(str(path)))


FIXTURE_TEXTS = [
    "I can't sleep and my thoughts keep racing about everything that could go wrong tomorrow.",
    "Had a great hike with friends this weekend, the view from the top was amazing!",
    "Some days I feel on top of the world and spend all my money, then I crash for weeks.",
    "Nothing matters anymore. I've been thinking about how to end it and I wrote letters.",
    "I've felt empty and tired for months; I stopped enjoying music and barely eat.",
    "ok",
]


def write_fixture(module, tok, max_length, out):
    rows = []
    for t in FIXTURE_TEXTS:
        ids = tok.encode(t)[:max_length]
        x = torch.tensor([ids])
        with torch.no_grad():
            lg = module(x, torch.ones_like(x))[0].tolist()
        rows.append({"text": t, "input_ids": ids, "logits": lg})
    # a padded batch to check masking
    ids, mask = pad_batch([r["input_ids"] for r in rows[:3]], tok.pad)
    with torch.no_grad():
        blg = module(ids, mask).tolist()
    out.write_text(json.dumps({"rows": rows, "batch": {"input_ids": ids.tolist(), "attention_mask": mask.tolist(),
                                                       "logits": blg}}, indent=1))


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--vocab", default=str(RUNS / "tokenizer" / "vocab.txt"))
    ap.add_argument("--transformer", default=str(RUNS / "finetune" / "best.pt"))
    ap.add_argument("--bag", default=str(RUNS / "bag" / "bag.pt"))
    ap.add_argument("--baselines", default=str(RUNS / "baselines"))
    ap.add_argument("--data", default=None)
    ap.add_argument("--out", default=str(REPO / "models" / MODEL_NAME))
    ap.add_argument("--max-length", type=int, default=256)
    ap.add_argument("--boot", type=int, default=1000)
    ap.add_argument("--limit", type=int, default=None, help="(tests)")
    ap.add_argument("--fixtures", default=str(REPO / "lib" / "classifier" / "__fixtures__"))
    ap.add_argument("--no-quantize", action="store_true", help="ship float32 weights (default: int8 encoder MatMuls)")
    ap.add_argument("--word-lr", default=None, help="a training.word_lr run folder: blend its logits in if dev says so")
    a = ap.parse_args(argv)
    set_threads()
    seed_everything()
    t0 = time.time()
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    tok = WordPieceTokenizer(a.vocab)
    L = a.max_length
    tr_model, cfg, ft_step = load_transformer(a.transformer)
    bag, bag_meta = load_bag(a.bag)
    dv_ids, Ydv, cdv, _ = encode_split(tok, "dev", a.data, limit=a.limit, vocab_path=a.vocab)
    te_ids, Yte, cte, _ = encode_split(tok, "test", a.data, limit=a.limit, vocab_path=a.vocab)
    use_shift = has_shift(a.data)
    if use_shift:
        sh_ids, Ysh, csh, sh_meta = encode_split(tok, "shift", a.data, limit=a.limit, vocab_path=a.vocab)
        src = np.array([m["source"] or "" for m in sh_meta])
    else:
        sh_ids = []
    # Scoring every window with the transformer is most of export's time: the window logits are kept in
    # runs/cache under the checkpoints' identity, so choosing the combiner again does not score again.
    key = hashlib.sha1(json.dumps([str(Path(a.transformer).resolve()), Path(a.transformer).stat().st_mtime,
                                   str(Path(a.bag).resolve()), Path(a.bag).stat().st_mtime, L, a.limit,
                                   str(a.data), len(dv_ids), len(te_ids), len(sh_ids)]).encode()).hexdigest()[:12]
    cached = RUNS / "cache" / f"windows-{key}.npz"
    if cached.exists():
        z = np.load(cached, allow_pickle=False)
        ow_dv, Tdv, Bdv, ow_te, Tte, Bte = (z[k] for k in ("ow_dv", "Tdv", "Bdv", "ow_te", "Tte", "Bte"))
        ow_sh, Tsh, Bsh = (z["ow_sh"], z["Tsh"], z["Bsh"]) if use_shift else (None, None, None)
        log(f"window logits from {cached}")
    else:
        ow_dv, (Tdv, Bdv) = window_logits([tr_model, bag], dv_ids, L, tok.pad)
        ow_te, (Tte, Bte) = window_logits([tr_model, bag], te_ids, L, tok.pad)
        ow_sh, (Tsh, Bsh) = window_logits([tr_model, bag], sh_ids, L, tok.pad) if use_shift else (None, (None, None))
        cached.parent.mkdir(parents=True, exist_ok=True)
        extra = {"ow_sh": ow_sh, "Tsh": Tsh, "Bsh": Bsh} if use_shift else {}
        np.savez(cached, ow_dv=ow_dv, Tdv=Tdv, Bdv=Bdv, ow_te=ow_te, Tte=Tte, Bte=Bte, **extra)
    log(f"scored dev {len(dv_ids)} docs / {len(ow_dv)} windows, test {len(te_ids)} / {len(ow_te)}, "
        f"shift {len(sh_ids)}")
    ndv, nte, nsh = len(dv_ids), len(te_ids), len(sh_ids)

    def with_shift(Lsh):
        return (Lsh, Ysh, csh, src) if use_shift else None

    def pooled_shift(Wsh):
        return maxpool(ow_sh, Wsh, nsh) if use_shift else None

    results = {}
    results["transformer"] = fit_and_eval("transformer", maxpool(ow_dv, Tdv, ndv), maxpool(ow_te, Tte, nte),
                                          Ydv, cdv, Yte, cte, a.boot, with_shift(pooled_shift(Tsh)))
    results["bag"] = fit_and_eval("bag-of-ngrams", maxpool(ow_dv, Bdv, ndv), maxpool(ow_te, Bte, nte),
                                  Ydv, cdv, Yte, cte, a.boot, with_shift(pooled_shift(Bsh)))
    W, c, chosen = choose_combiner(ow_dv, Tdv, Bdv, Ydv, ndv)
    Edv = maxpool(ow_dv, np.hstack([Tdv, Bdv]) @ W.T + c, ndv)
    Ete = maxpool(ow_te, np.hstack([Tte, Bte]) @ W.T + c, nte)
    Esh = pooled_shift(np.hstack([Tsh, Bsh]) @ W.T + c) if use_shift else None
    ens = fit_and_eval("ensemble", Edv, Ete, Ydv, cdv, Yte, cte, a.boot, with_shift(Esh))
    ens["weights"] = {"W": W.tolist(), "c": c.tolist(), "per_label": chosen}
    results["ensemble"] = ens
    word_model = None
    if a.word_lr:
        wdir = Path(a.word_lr)
        scores = np.load(wdir / "scores.npz")
        scores = {"dev": scores["dev"][:ndv], "test": scores["test"][:nte], "shift": scores["shift"][:nsh]}
        Wdv, Wte, Wsh = scores["dev"][:, :4], scores["test"][:, :4], scores["shift"][:, :4]  # the one-vs-rest NB-LR
        results["word-lr"] = fit_and_eval("word-lr", Wdv, Wte, Ydv, cdv, Yte, cte, a.boot, with_shift(Wsh))
        blend, blend_cv = choose_word_blend(Edv, Wdv, Ydv)
        if any(w != 0 for w in blend["word"]):
            results["transformer+bag"] = results.pop("ensemble")
            Fdv, Fte = np.hstack([Edv, scores["dev"]]), np.hstack([Ete, scores["test"]])
            Fsh = np.hstack([Esh, scores["shift"]]) if use_shift else None
            Edv = Edv * blend["ensemble"] + Wdv * blend["word"]
            Ete = Ete * blend["ensemble"] + Wte * blend["word"]
            Esh = Esh * blend["ensemble"] + Wsh * blend["word"] if use_shift else None
            stack, stack_cv = choose_stack(Edv, Fdv, Ydv, shift=(Esh, Fsh, Ysh) if use_shift else None)
            crisis = crisis_cv = crisis_logits = None
            if any(w > 0 for w in stack["stack_weight"]):
                results["blend"] = fit_and_eval("blend", Edv, Ete, Ydv, cdv, Yte, cte, a.boot, with_shift(Esh))
                Edv, Ete = apply_stack(Edv, Fdv, stack), apply_stack(Ete, Fte, stack)
                Esh = apply_stack(Esh, Fsh, stack) if use_shift else None
                s = LABELS.index("suicidal")
                Cdv, Cte = stack_contrast(Fdv, stack), stack_contrast(Fte, stack)
                Csh = stack_contrast(Fsh, stack) if use_shift else None
                crisis, crisis_cv = choose_crisis(Edv[:, s], Cdv, Ydv,
                                                  shift=(Esh[:, s], Csh, Ysh) if use_shift else None)
                if crisis["share"] > 0:
                    results["stacked"] = fit_and_eval("stacked", Edv, Ete, Ydv, cdv, Yte, cte, a.boot,
                                                      with_shift(Esh))
                    crisis_logits = (crisis_logit(Edv[:, s], Cdv, crisis), crisis_logit(Ete[:, s], Cte, crisis),
                                     crisis_logit(Esh[:, s], Csh, crisis) if use_shift else None)
                else:
                    crisis = None
            else:
                stack = None
            ens = fit_and_eval("ensemble", Edv, Ete, Ydv, cdv, Yte, cte, a.boot, with_shift(Esh), crisis_logits)
            ens["weights"] = {"W": W.tolist(), "c": c.tolist(), "per_label": chosen, "word_blend": blend,
                              "word_blend_cv": blend_cv, "stack": stack, "stack_cv": stack_cv,
                              "crisis": crisis, "crisis_cv": crisis_cv}
            results["ensemble"] = ens
            meta = json.loads((wdir / "meta.json").read_text())
            shutil.copy(wdir / "word-lr.onnx", out / "word-lr.onnx")
            word_model = {"file": "word-lr.onnx", "inputs": ["ngrams", "counts"], "output": "logits",
                          "outputs": int(scores["dev"].shape[1]), "preprocess": meta["preprocess"],
                          "features": meta["features"], "blend": blend}
            if stack:
                # features: the ensemble's 4 logits, then every word-model output; then, with a center, each of
                # those features' squared distance from it
                word_model["stack"] = stack
            if a.fixtures:
                Path(a.fixtures).mkdir(parents=True, exist_ok=True)
                (Path(a.fixtures) / "word-lr-expected.json").write_text(
                    json.dumps({"rows": meta["fixture"]}, ensure_ascii=False, indent=1))
    for b in ("lr", "rf", "xgb"):
        f = Path(a.baselines) / f"{b}.json"
        if f.exists():
            results[b] = json.loads(f.read_text())

    module = Ensemble(tr_model, bag, W.tolist(), c.tolist()).eval()
    export_onnx(module, out / "model.onnx")
    for f in ("vocab.txt", "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json"):
        shutil.copy(Path(a.vocab).parent / f, out / f)
    tcfg = json.loads((out / "tokenizer_config.json").read_text())
    tcfg["model_max_length"] = L
    (out / "tokenizer_config.json").write_text(json.dumps(tcfg, indent=2))
    config = {
        "name": MODEL_NAME, "version": MODEL_VERSION, "labels": LABELS, "max_length": L,
        "window_stride": max(1, ((L - 2) * 3) // 4),
        "thresholds": {k: round(v, 4) for k, v in ens["thresholds"].items()},
        "crisis_threshold": ens["crisis_threshold"],
        "elevated_threshold": 0.5,
        "calibration": {"type": "platt", "params": ens["calibration"]},
        "architecture": {"type": "DistilBertForSequenceClassification+BagOfNgrams", **cfg.to_dict(),
                         "bag": {"buckets": bag_meta["buckets"], "trigrams": bag_meta["trigrams"]}},
        "onnx": {"inputs": ["input_ids", "attention_mask"], "output": "logits", "opset": 14,
                 "quantization": None if a.no_quantize else QUANTIZATION},
    }
    crisis_head = ens["weights"].get("crisis") if word_model else None
    if crisis_head:
        # crisis score = sigmoid(a x (suicidal_weight x served suicidal logit + contrast_weight x the stack's
        # log(p_suicidal / p_none)) + b); crisis_threshold applies to it
        config["crisis"] = {"suicidal_weight": crisis_head["suicidal_weight"],
                            "contrast_weight": crisis_head["contrast_weight"],
                            "calibration": ens["crisis_calibration"]}
    if word_model:
        # served logits = ensemble * blend.ensemble + word model * blend.word, per label, mixed with the stack's
        # log-odds over [ensemble, word model] by stack.blend_weight / stack.stack_weight; then Platt calibration
        config["word_model"] = word_model
    (out / "config.json").write_text(json.dumps(config, indent=2))
    metrics = {"definitions": {
        "auc": "macro ROC-AUC over the 4 conditions (one-vs-rest; none is negative for all)",
        "f1": "macro F1 over the 4 conditions at the dev-chosen thresholds",
        "accuracy": "5-way: top condition above threshold, else none",
        "ece": "expected calibration error, 15 equal-width bins pooled over the 4 calibrated probabilities",
        "ci": "percentile bootstrap 95% CI, 1000 resamples of posts, seed 1234",
        "windowing": f"posts longer than {L} tokens are split into windows (stride {config['window_stride']}) and "
                     "logits are max-pooled over windows"},
        "model": {"name": MODEL_NAME, "version": MODEL_VERSION},
        "finetune_step": ft_step, "results": results}
    (out / "metrics.json").write_text(json.dumps(metrics, indent=1))
    if a.fixtures:
        fx = Path(a.fixtures)
        fx.mkdir(parents=True, exist_ok=True)
        write_fixture(module, tok, L, fx / "onnx-expected.json")
    if not a.no_quantize:
        # After the fixture: its logits are PyTorch's float32 ones, which the int8 graph must stay close to.
        m = onnx.load(str(out / "model.onnx"))
        log(f"quantized {quantize_matmuls(m)} encoder MatMuls to int8")
        onnx.checker.check_model(m)
        onnx.save(m, str(out / "model.onnx"))
    log(f"exported to {out} ({(out / 'model.onnx').stat().st_size / 1e6:.1f} MB) in {time.time() - t0:.0f}s")


if __name__ == "__main__":
    main()
