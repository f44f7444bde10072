"""The ensemble's word-level member: a TF-IDF word 1-2-gram logistic regression (the paper's LR baseline
features, capped at the most frequent n-grams), exported as its own ONNX graph, word-lr.onnx.

Why a third member: the transformer and the bag both read WordPiece windows; whole words and word pairs over
the whole post are a different view. On dev, blending this model with transformer+bag lifts macro AUC from
0.9392 to ~0.9435, while a logistic regression on hashed WordPiece n-grams adds nothing (0.9395).

Graph (opset 14): words [batch, n] string (lowercased, accents stripped, sklearn's token pattern; "" pads)
  -> TfIdfVectorizer (1-2-grams, count * idf) -> MatMul coef, divided by the row's L2 norm -> + intercept
  -> logits [batch, 4]. Plain tf rather than sklearn's sublinear 1 + log(tf): the same dev AUC in the blend
  (0.9436 vs 0.9438) for less than half of the graph's passes over the 100k features. The TypeScript side splits words exactly as `preprocess` in meta.json says.

Writes <out>/word-lr.onnx, scores.npz (dev/test logits, for export's blend) and meta.json."""
import argparse
import json
import time
from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

from .common import LABELS, RUNS, label_matrix, load_split, log, seed_everything

TOKEN_PATTERN = r"(?u)\b\w\w+\b"
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
    """The graph's input for one text: sklearn's own preprocessing and tokenization."""
    return vec.build_tokenizer()(vec.build_preprocessor()(text))


def build_graph(vec, coef, intercept):
    vocab = vec.vocabulary_
    unigrams = sorted((t for t in vocab if " " not in t), key=vocab.get)
    bigrams = sorted((t for t in vocab if " " in t), key=vocab.get)
    pool = unigrams + [w for b in bigrams for w in b.split(" ")]
    indexes = [vocab[t] for t in unigrams] + [vocab[b] for b in bigrams]
    F = len(vocab)
    # mode TF and a Mul, not mode TFIDF: onnxruntime's TFIDF mode does not give count * weight (checked against
    # sklearn with the fixture), while TF gives exact counts.
    tfidf = helper.make_node("TfIdfVectorizer", ["words"], ["tf"], mode="TF", min_gram_length=1,
                             max_gram_length=2, max_skip_count=0, ngram_counts=[0, len(unigrams)],
                             ngram_indexes=indexes, pool_strings=pool)
    inits = [
        numpy_helper.from_array(vec.idf_.astype(np.float32), "idf"),
        numpy_helper.from_array(coef.T.astype(np.float32), "coef"),  # [F, 4]
        numpy_helper.from_array(intercept.astype(np.float32), "intercept"),
        numpy_helper.from_array(np.array(1e-12, dtype=np.float32), "eps"),
    ]
    # (x / |x|) @ coef == (x @ coef) / |x|: dividing the 4 logits, not the 100k features
    nodes = [
        tfidf,
        helper.make_node("Mul", ["tf", "idf"], ["x"]),
        helper.make_node("ReduceSumSquare", ["x"], ["sq"], axes=[1], keepdims=1),
        helper.make_node("Sqrt", ["sq"], ["norm"]),
        helper.make_node("Max", ["norm", "eps"], ["safe_norm"]),
        helper.make_node("MatMul", ["x", "coef"], ["raw"]),
        helper.make_node("Div", ["raw", "safe_norm"], ["scaled"]),
        helper.make_node("Add", ["scaled", "intercept"], ["logits"]),
    ]
    graph = helper.make_graph(
        nodes, "word_lr",
        [helper.make_tensor_value_info("words", TensorProto.STRING, ["batch", "n"])],
        [helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["batch", len(LABELS)])],
        inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 14)], producer_name="lantern")
    model.ir_version = 8
    onnx.checker.check_model(model)
    assert F == coef.shape[1]
    return model


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=None)
    ap.add_argument("--out", default=str(RUNS / "word-lr"))
    ap.add_argument("--max-features", type=int, default=100_000)
    ap.add_argument("--C", type=float, default=4.0)
    ap.add_argument("--limit", type=int, default=None)
    a = ap.parse_args(argv)
    seed_everything()
    from sklearn.linear_model import LogisticRegression
    t0 = time.time()
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    tr, dv, te = (load_split(s, a.data, a.limit) for s in ("train", "dev", "test"))
    vec = vectorizer(a.max_features)
    Xtr = vec.fit_transform([r["text"] for r in tr])
    Ytr = label_matrix(tr)
    coef = np.zeros((len(LABELS), Xtr.shape[1]))
    intercept = np.zeros(len(LABELS))
    for k in range(len(LABELS)):
        m = LogisticRegression(C=a.C, solver="liblinear", max_iter=1000).fit(Xtr, Ytr[:, k])
        coef[k], intercept[k] = m.coef_[0], m.intercept_[0]

    def score(texts):
        return vec.transform(texts) @ coef.T + intercept

    Ldv, Lte = score([r["text"] for r in dv]), score([r["text"] for r in te])
    np.savez(out / "scores.npz", dev=Ldv, test=Lte)
    onnx.save(build_graph(vec, coef, intercept), str(out / "word-lr.onnx"))
    fixture = [{"text": t, "words": words(vec, t), "logits": score([t])[0].tolist()} for t in FIXTURE_TEXTS]
    meta = {"features": Xtr.shape[1], "C": a.C, "max_features": a.max_features,
            "preprocess": {"lowercase": True, "strip_accents": "unicode", "token_pattern": TOKEN_PATTERN,
                           "ngram_range": [1, 2]},
            "fixture": fixture}
    (out / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1))
    log(f"word-lr: {Xtr.shape[1]} features, C {a.C}, {(out / 'word-lr.onnx').stat().st_size / 1e6:.1f} MB, "
        f"{time.time() - t0:.0f}s")


if __name__ == "__main__":
    main()
