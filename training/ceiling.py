"""How far recombining the shipped members could go on a set, from `npm run eval -- FILE --members OUT.jsonl` files.

    /usr/bin/python3 -m training.ceiling --set dev=DEV.jsonl --set shift=SHIFT.jsonl [--model DIR] [--json]

Per set it prints:
- served: macro ROC-AUC of the served logits, rebuilt from the members and config.json (word blend, then the stack).
  Platt calibration is monotone per label, so this is `npm run eval`'s AUC.
- pairs: per condition, its AUC against each other class's posts alone, and how many there are: where the ranking
  fails (on reddit-shift, depression against suicidal and bipolar, and every condition against short casual posts).
- ceiling: the out-of-fold (5-fold) macro AUC of export.py's softmax stack over the same features, fitted on that set
  itself and mixed with the word blend at the share that does best there. No combiner of these members fitted elsewhere should beat it by much, so when it is below a bar, the bar
  needs better members, not another way of mixing them. On reddit-shift this is a diagnostic only: nothing fitted to
  it is shipped.
"""
import argparse
import json
from pathlib import Path

import numpy as np

from .common import ALL_CLASSES, LABELS, MODEL_NAME, REPO, class_index, label_matrix
from .export import apply_stack, stack_features, stack_fit, stack_logits
from .metrics import auc

def read_members(path):
    rows = [json.loads(line) for line in Path(path).read_text().splitlines() if line.strip()]
    E = np.array([r["ensemble"] for r in rows], dtype=np.float64)
    W = np.array([r["word"] for r in rows], dtype=np.float64)
    return E, W, label_matrix(rows), class_index(rows)


def served_logits(E, W, word_model):
    """The served logits before calibration, as lib/classifier/combine.ts computes them."""
    blend = word_model["blend"]
    out = E * np.array(blend["ensemble"]) + W[:, :len(LABELS)] * np.array(blend["word"])
    stack = word_model.get("stack")
    if stack and any(w != 0 for w in stack["stack_weight"]):
        out = apply_stack(out, np.hstack([E, W]), stack)
    return out


def macro_auc(Y, L):
    per = [auc(Y[:, k], L[:, k]) for k in range(len(LABELS))]
    return float(np.mean(per)), [round(v, 4) for v in per]


def pair_aucs(Y, cls, L):
    """Per condition: its AUC against each other class's posts alone, with that class's count."""
    out = {}
    for k, lab in enumerate(LABELS):
        row = {}
        for j, other in enumerate(ALL_CLASSES):
            neg = cls == j
            if j == k or not neg.any() or not Y[:, k].any():
                continue
            m = (Y[:, k] == 1) | neg
            row[other] = {"auc": round(auc(Y[m, k], L[m, k]), 4), "n": int(neg.sum())}
        out[lab] = row
    return out


def stack_ceiling(E, W, Y, blended, folds=5, seed=1234):
    """Out-of-fold macro AUC of the softmax stack (members' logits and their squared distances from the mean),
    fitted on this set itself, and mixed per label with the served word blend at the share that does best here
    (as export.py mixes them, but with every choice made on this set)."""
    F = np.hstack([E, W])
    G = stack_features(F, F.mean(0))
    fold = np.random.default_rng(seed).integers(0, folds, len(Y))
    oof = np.zeros((len(Y), len(LABELS)))
    for f in range(folds):
        tr, te = fold != f, fold == f
        oof[te] = stack_logits(G[te], *stack_fit(G[tr], Y[tr]))
    per = []
    for k in range(len(LABELS)):
        b, s = blended[:, k] / (blended[:, k].std() + 1e-9), oof[:, k] / (oof[:, k].std() + 1e-9)
        per.append(max(auc(Y[:, k], (1 - a) * b + a * s) for a in np.linspace(0, 1, 11)))
    return float(np.mean(per)), [round(v, 4) for v in per]


def report(path, word_model):
    E, W, Y, cls = read_members(path)
    served = served_logits(E, W, word_model)
    value, per = macro_auc(Y, served)
    blended = served_logits(E, W, {"blend": word_model["blend"]})
    cv, cv_per = stack_ceiling(E, W, Y, blended)
    return {"n": int(len(Y)), "served": {"auc": round(value, 4), "per_label": per},
            "pairs": pair_aucs(Y, cls, served), "ceiling": {"auc": round(cv, 4), "per_label": cv_per}}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--set", action="append", required=True, help="NAME=members.jsonl (repeat per set)")
    ap.add_argument("--model", default=str(REPO / "models" / MODEL_NAME))
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args(argv)
    word_model = json.loads((Path(a.model) / "config.json").read_text()).get("word_model")
    if not word_model:
        ap.error("the model has no word member to recombine")
    sets = dict(s.split("=", 1) for s in a.set)
    out = {name: report(path, word_model) for name, path in sets.items()}
    if a.json:
        print(json.dumps(out))
        return
    for name, r in out.items():
        print(f"{name} (n={r['n']}): served macro AUC {r['served']['auc']} {r['served']['per_label']}; "
              f"stack fitted on this set, out of fold: {r['ceiling']['auc']} {r['ceiling']['per_label']}")
        for lab, row in r["pairs"].items():
            print(f"  {lab:<10} against " + ", ".join(f"{o} {v['auc']:.3f} (n={v['n']})" for o, v in row.items()))


if __name__ == "__main__":
    main()
