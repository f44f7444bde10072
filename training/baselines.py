"""The paper's baselines on TF-IDF features: Logistic Regression, Random Forest, XGBoost.
One binary model per condition (multilabel, `none` = all negative). Platt calibration,
thresholds and crisis threshold chosen on dev; test evaluated once.
Writes training/runs/baselines/<name>.json (metrics) and .npz (dev/test logits)."""
import argparse
import json
import time

import numpy as np

from .calibrate import apply_platt, fit_platt, logit
from .common import LABELS, RUNS, SEED, class_index, label_matrix, log, seed_everything
from .corpus import load_rows
from .metrics import choose_thresholds, crisis_threshold, evaluate


def fit_predict(name, Xtr, Ytr, Xs):
    outs = [np.zeros((X.shape[0], len(LABELS))) for X in Xs]
    for k in range(len(LABELS)):
        if name == "lr":
            from sklearn.linear_model import LogisticRegression
            m = LogisticRegression(C=8.0, solver="liblinear", max_iter=1000)
            m.fit(Xtr, Ytr[:, k])
            for o, X in zip(outs, Xs):
                o[:, k] = m.decision_function(X)
        elif name == "rf":
            from sklearn.ensemble import RandomForestClassifier
            m = RandomForestClassifier(n_estimators=100, max_features="sqrt", min_samples_leaf=2,
                                       n_jobs=1, random_state=SEED)
            m.fit(Xtr, Ytr[:, k])
            for o, X in zip(outs, Xs):
                o[:, k] = logit(m.predict_proba(X)[:, 1], 1e-3)
        elif name == "xgb":
            import xgboost as xgb
            m = xgb.XGBClassifier(n_estimators=200, max_depth=6, learning_rate=0.2, subsample=0.8,
                                  colsample_bytree=0.5, tree_method="hist", n_jobs=1, random_state=SEED)
            m.fit(Xtr, Ytr[:, k])
            for o, X in zip(outs, Xs):
                o[:, k] = m.predict(X, output_margin=True)
    return outs


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=None)
    ap.add_argument("--models", default="lr,rf,xgb")
    ap.add_argument("--out", default=str(RUNS / "baselines"))
    ap.add_argument("--limit", type=int, default=None)
    a = ap.parse_args(argv)
    seed_everything()
    from pathlib import Path
    from sklearn.feature_extraction.text import TfidfVectorizer
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    tr, dv, te = (load_rows(s, a.data, a.limit) for s in ("train", "dev", "test"))
    Ytr, Ydv, Yte = label_matrix(tr), label_matrix(dv), label_matrix(te)
    cdv, cte = class_index(dv), class_index(te)
    for name in a.models.split(","):
        t0 = time.time()
        # LR: the full word 1-2gram space; trees: the 20k most frequent 1-2grams
        vec = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True, strip_accents="unicode",
                              max_features=None if name == "lr" else 20000, dtype=np.float32)
        Xtr = vec.fit_transform([r["text"] for r in tr])
        Xdv = vec.transform([r["text"] for r in dv])
        Xte = vec.transform([r["text"] for r in te])
        Ldv, Lte = fit_predict(name, Xtr, Ytr, [Xdv, Xte])
        cal = fit_platt(Ldv, Ydv)
        Pdv, Pte = apply_platt(Ldv, cal), apply_platt(Lte, cal)
        th = choose_thresholds(Ydv, cdv, Pdv)
        ct = crisis_threshold(cdv, Pdv[:, LABELS.index("suicidal")])
        res = {"model": name, "features": Xtr.shape[1], "seconds": round(time.time() - t0, 1),
               "thresholds": th, "calibration": cal,
               "dev": evaluate(Ydv, cdv, Pdv, th, ct), "test": evaluate(Yte, cte, Pte, th, ct)}
        (out / f"{name}.json").write_text(json.dumps(res, indent=1))
        np.savez(out / f"{name}.npz", dev=Ldv, test=Lte)
        log(f"{name}: dev auc {res['dev']['auc']['value']} f1 {res['dev']['f1']['value']} acc "
            f"{res['dev']['accuracy']['value']} crisis {res['dev']['crisis']} | test auc "
            f"{res['test']['auc']['value']} f1 {res['test']['f1']['value']} acc {res['test']['accuracy']['value']}"
            f" crisis {res['test']['crisis']} ece {res['test']['ece']} ({res['seconds']}s)")


if __name__ == "__main__":
    main()
