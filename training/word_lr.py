"""The ensemble's word-level member: a TF-IDF word 1-2-gram NB-logistic regression (the paper's LR baseline
features, capped at the most frequent n-grams, each scaled per label by its naive-Bayes log-count ratio, as in
Wang & Manning's NBSVM), exported as its own ONNX graph, word-lr.onnx.

Why a third member: the transformer and the bag both read WordPiece windows; whole words and word pairs over
the whole post are a different view. On dev, blending this model with transformer+bag lifts macro AUC from
0.9392 to ~0.9435, while a logistic regression on hashed WordPiece n-grams adds nothing (0.9395). The NB
log-count ratios lift the member alone from 0.9363 to 0.9413 and the blend to ~0.9462 (C=4; C=8 0.9400 / 0.9464,
C=16 0.9368 / 0.9459).

Graph (opset 14 + ai.onnx.ml): ngrams [batch, m] string (each row: the post's distinct words and word pairs,
"" pads) and counts [batch, m] float -> LabelEncoder (n-gram -> feature index; unknown -> an all-zero row)
-> x = count * idf -> logits = sum(x * coef) / |x| + intercept [batch, 4]. Sparse: the cost follows the post's
n-grams, not the 100k features (a TfIdfVectorizer graph builds a dense [rows x 100k] matrix: +90 MB RSS and
twice the evidence time, measured). Plain tf rather than sklearn's sublinear 1 + log(tf): the same dev AUC in
the blend (0.9436 vs 0.9438). The TypeScript side (lib/classifier/words.ts) splits and counts words exactly as
`preprocess` in meta.json says.

With --multinomial-C > 0 (the default) the graph has 8 outputs: the 4 one-vs-rest NB-LR logits, then 4 from one
multinomial (softmax) logistic regression over the 5 classes, each as log(p_condition / p_none), which is linear in
the features and so is just 4 more coefficient columns. The labels are exclusive, and the softmax model separates
depression from suicidal better; export.py decides on dev whether its stack reads them.

Unless --no-pairwise (and with the multinomial member), 7 more columns follow, 15 in all: an NB-LR fitted on
the posts of each pair of conditions only (depression-anxiety, depression-bipolar, depression-suicidal,
anxiety-bipolar, anxiety-suicidal, bipolar-suicidal; the log-odds of the first), then one of any condition against
none. Each learns its own NB ratios for the one distinction it is fitted on. Linear too, so serving cost does not
change. On dev (5-fold CV over 6 fold seeds) they lift the softmax stack's macro AUC by ~0.0005, and by ~0.0009
with the stack's square terms (export.py).

Trained on training/corpus.py's corpus, each row weighted (its NB ratios count weighted documents).
Writes <out>/word-lr.onnx, scores.npz (dev/test/shift logits, for export's blend) and meta.json."""
import argparse
import json
import time
from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

from .common import LABELS, RUNS, label_matrix, log, seed_everything, softmax_classes
from .corpus import has_shift, load_rows

TOKEN_PATTERN = r"(?u)\b\w\w+\b"
# The pairwise columns, as indexes into LABELS: each is the log-odds of the first condition against the second.
PAIRS = [(0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3)]
FIXTURE_TEXTS = [
    "I can't sleep and my thoughts keep racing about everything that could go wrong tomorrow.",
    "Crème brûlée at the café, naïve me thought it'd help. Ünïcödé ÅNGSTRÖM İstanbul straße!",
    "Nothing matters anymore. I've been thinking about how to end it and I wrote letters.",
    "emoji 😀😢 and ids like u/someone_123, x_y and 2nd 3rd 42 — end",
    "",
]


def vectorizer(max_features):
    from sklearn.feature_extraction.text import TfidfVectorizer
    return TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=False, strip_accents="unicode",
                           lowercase=True, token_pattern=TOKEN_PATTERN, max_features=max_features,
                           dtype=np.float32)


def words(vec, text):
    """sklearn's own preprocessing and tokenization of one text."""
    return vec.build_tokenizer()(vec.build_preprocessor()(text))


def grams(vec, text):
    """The graph's input for one text: distinct 1-2-grams in first-seen order, and how often each occurs."""
    w = words(vec, text)
    counts = {}
    for g in w + [f"{a} {b}" for a, b in zip(w, w[1:])]:
        counts[g] = counts.get(g, 0) + 1
    return list(counts), [float(c) for c in counts.values()]


def build_graph(vec, coef, intercept):
    vocab = vec.vocabulary_
    F = len(vocab)
    keys = sorted(vocab, key=vocab.get)
    inits = [
        numpy_helper.from_array(np.append(vec.idf_, 0).astype(np.float32), "idf"),  # [F+1], last: unknown
        # float16 halves the file (15 columns x 100k n-grams); main() scores with these same rounded values
        numpy_helper.from_array(np.vstack([coef.T, np.zeros((1, coef.shape[0]))]).astype(np.float16), "coef16"),  # [F+1, out]
        numpy_helper.from_array(intercept.astype(np.float32), "intercept"),
        numpy_helper.from_array(np.array(1e-12, dtype=np.float32), "eps"),
        numpy_helper.from_array(np.array([-1], dtype=np.int64), "last_axis"),
    ]
    nodes = [
        helper.make_node("LabelEncoder", ["ngrams"], ["index"], domain="ai.onnx.ml", keys_strings=keys,
                         values_int64s=[vocab[k] for k in keys], default_int64=F),
        helper.make_node("Gather", ["idf", "index"], ["idf_g"]),
        helper.make_node("Mul", ["counts", "idf_g"], ["x"]),  # [b, m]
        helper.make_node("ReduceSumSquare", ["x"], ["sq"], axes=[1], keepdims=1),
        helper.make_node("Sqrt", ["sq"], ["norm"]),
        helper.make_node("Max", ["norm", "eps"], ["safe_norm"]),
        helper.make_node("Gather", ["coef16", "index"], ["coef_g16"]),  # [b, m, out]
        helper.make_node("Cast", ["coef_g16"], ["coef_g"], to=TensorProto.FLOAT),
        helper.make_node("Unsqueeze", ["x", "last_axis"], ["x3"]),
        helper.make_node("Mul", ["x3", "coef_g"], ["contrib"]),
        helper.make_node("ReduceSum", ["contrib", "axes1"], ["raw"], keepdims=0),
        helper.make_node("Div", ["raw", "safe_norm"], ["scaled"]),
        helper.make_node("Add", ["scaled", "intercept"], ["logits"]),
    ]
    inits.append(numpy_helper.from_array(np.array([1], dtype=np.int64), "axes1"))
    graph = helper.make_graph(
        nodes, "word_lr",
        [helper.make_tensor_value_info("ngrams", TensorProto.STRING, ["batch", "m"]),
         helper.make_tensor_value_info("counts", TensorProto.FLOAT, ["batch", "m"])],
        [helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["batch", coef.shape[0]])],
        inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 14), helper.make_opsetid("ai.onnx.ml", 2)],
                              producer_name="lantern")
    model.ir_version = 8
    onnx.checker.check_model(model)
    return model


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=None)
    ap.add_argument("--out", default=str(RUNS / "word-lr"))
    ap.add_argument("--max-features", type=int, default=100_000)
    ap.add_argument("--C", type=float, default=4.0)
    ap.add_argument("--no-nb", action="store_true", help="plain logistic regression, without the NB log-count ratios")
    ap.add_argument("--multinomial-C", type=float, default=2.0, help="C of the 5-class softmax member (0: none)")
    ap.add_argument("--no-pairwise", action="store_true", help="without the 7 pairwise and any-vs-none NB-LR columns")
    ap.add_argument("--limit", type=int, default=None)
    a = ap.parse_args(argv)
    seed_everything()
    from sklearn.linear_model import LogisticRegression
    t0 = time.time()
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    tr, dv, te = (load_rows(s, a.data, a.limit) for s in ("train", "dev", "test"))
    sh = load_rows("shift", a.data, a.limit) if has_shift(a.data) else []
    vec = vectorizer(a.max_features)
    Xtr = vec.fit_transform([r["text"] for r in tr])
    Ytr = label_matrix(tr)
    wtr = np.array([r["weight"] for r in tr])
    coef = np.zeros((len(LABELS), Xtr.shape[1]))
    intercept = np.zeros(len(LABELS))
    present = (Xtr > 0).astype(np.float32).tocsr()

    def nb_lr(rows, y):
        """A logistic regression on the rows' features, each scaled by its naive-Bayes log-count ratio for y first
        (Wang & Manning 2012). (x * r) . w == x . (r * w), so the graph is unchanged: it reads r * w."""
        X, r, w = Xtr[rows], np.ones(Xtr.shape[1]), wtr[rows]
        if not a.no_nb:
            # weighted document counts: a reddit-extra post counts as much as its training weight
            p = np.asarray(present[rows][y].T @ w[y]).ravel() + 1
            q = np.asarray(present[rows][~y].T @ w[~y]).ravel() + 1
            r = np.log((p / p.sum()) / (q / q.sum()))
            X = X.multiply(r.astype(np.float32)).tocsr()
        m = LogisticRegression(C=a.C, solver="liblinear", max_iter=1000).fit(X, y, sample_weight=w)
        return m.coef_[0] * r, m.intercept_[0]

    every = np.arange(Xtr.shape[0])
    for k in range(len(LABELS)):
        coef[k], intercept[k] = nb_lr(every, Ytr[:, k] == 1)
    if a.multinomial_C > 0:
        mm = LogisticRegression(C=a.multinomial_C, max_iter=2000).fit(Xtr, softmax_classes(Ytr), sample_weight=wtr)
        # log(p_k / p_none) = (w_k - w_none) . x + (b_k - b_none): linear, so the graph just reads 4 more columns
        coef = np.vstack([coef, mm.coef_[1:] - mm.coef_[0]])
        intercept = np.concatenate([intercept, mm.intercept_[1:] - mm.intercept_[0]])
    if a.multinomial_C > 0 and not a.no_pairwise:
        classes = softmax_classes(Ytr)
        extra = []
        for i, j in PAIRS:
            rows = np.flatnonzero((classes == i + 1) | (classes == j + 1))
            extra.append(nb_lr(rows, classes[rows] == i + 1))
        extra.append(nb_lr(every, classes > 0))
        coef = np.vstack([coef, [w for w, _ in extra]])
        intercept = np.concatenate([intercept, [b for _, b in extra]])

    coef = coef.astype(np.float16).astype(np.float64)  # what the graph holds

    def score(texts):
        return vec.transform(texts) @ coef.T + intercept

    Ldv, Lte = score([r["text"] for r in dv]), score([r["text"] for r in te])
    Lsh = score([r["text"] for r in sh]) if sh else np.zeros((0, coef.shape[0]))
    np.savez(out / "scores.npz", dev=Ldv, test=Lte, shift=Lsh)
    onnx.save(build_graph(vec, coef, intercept), str(out / "word-lr.onnx"))
    fixture = [{"text": t, "words": words(vec, t), "ngrams": grams(vec, t)[0], "counts": grams(vec, t)[1],
                "logits": score([t])[0].tolist()} for t in FIXTURE_TEXTS]
    meta = {"features": Xtr.shape[1], "C": a.C, "outputs": int(coef.shape[0]), "multinomial_C": a.multinomial_C,
            "pairwise": [[LABELS[i], LABELS[j]] for i, j in PAIRS] + [["any", "none"]] if coef.shape[0] > 8 else [],
            "max_features": a.max_features, "nb_log_count_ratios": not a.no_nb,
            "preprocess": {"lowercase": True, "strip_accents": "unicode", "token_pattern": TOKEN_PATTERN,
                           "ngram_range": [1, 2]},
            "fixture": fixture}
    (out / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1))
    log(f"word-lr: {Xtr.shape[1]} features, C {a.C}, {(out / 'word-lr.onnx').stat().st_size / 1e6:.1f} MB, "
        f"{time.time() - t0:.0f}s")


if __name__ == "__main__":
    main()
