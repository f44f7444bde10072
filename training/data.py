"""Pre-tokenize the labelled splits and the MLM corpus once; cache under training/runs/cache."""
import argparse
import hashlib
import json
from pathlib import Path

import numpy as np

from .common import RUNS, data_dir, pretrain_path, label_matrix, class_index, log
from .corpus import EXTRA_WEIGHT, extra_path, has_shift, load_rows, shift_path
from .wordpiece import WordPieceTokenizer


def _key(*parts):
    return hashlib.sha1("|".join(str(p) for p in parts).encode()).hexdigest()[:10]


def encode_split(tok, split, ddir=None, cache=True, limit=None, vocab_path=None):
    path = shift_path(ddir) if split == "shift" else data_dir(ddir) / f"{split}.jsonl"
    cdir = RUNS / "cache"
    st = path.stat()
    extra = extra_path(ddir) if split == "train" and extra_path(ddir).exists() else None
    # the cache follows the corpus: its files, the masking and reddit-extra's weight
    key = _key(path.resolve(), st.st_size, st.st_mtime, vocab_path, limit, "mask2", extra and extra.stat().st_size,
               EXTRA_WEIGHT)
    f = cdir / f"{split}-{key}.npz"
    if cache and f.exists():
        d = np.load(f, allow_pickle=False)
        ids = np.split(d["flat"], d["offsets"][1:-1])
        meta = json.loads(str(d["meta"]))
        return ids, d["y"], d["cls"], meta
    rows = load_rows(split, ddir, limit)
    ids = [np.asarray(tok.encode(r["text"]), dtype=np.int32) for r in rows]
    y, cls = label_matrix(rows), class_index(rows)
    meta = [{"id": r["id"], "label": r["label"], "weight": r["weight"], "source": r.get("source")} for r in rows]
    if cache:
        cdir.mkdir(parents=True, exist_ok=True)
        offsets = np.cumsum([0] + [len(x) for x in ids])
        np.savez(f, flat=np.concatenate(ids), offsets=offsets, y=y, cls=cls, meta=json.dumps(meta))
    return ids, y, cls, meta


def encode_pretrain(tok, vocab_path, extra_texts=(), limit=None):
    """One flat int32 stream: doc tokens each followed by [SEP] (no [CLS]); blocks get [CLS] later."""
    src = pretrain_path()
    cdir = RUNS / "cache"
    st = src.stat()
    key = _key(src.resolve(), st.st_size, vocab_path, len(extra_texts), limit)
    f = cdir / f"pretrain-{key}.npy"
    if f.exists():
        return np.load(f, mmap_mode="r")
    out = []
    n = 0
    with open(src, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            t = json.loads(line)["text"]
            out.append(np.asarray(tok.encode(t, add_special=False) + [tok.sep], dtype=np.int32))
            n += 1
            if n % 20000 == 0:
                log(f"pretrain tokenized {n}")
            if limit and n >= limit:
                break
    for t in extra_texts:
        out.append(np.asarray(tok.encode(t, add_special=False) + [tok.sep], dtype=np.int32))
    flat = np.concatenate(out)
    cdir.mkdir(parents=True, exist_ok=True)
    np.save(f, flat)
    log(f"pretrain stream {len(flat)} tokens from {n}+{len(extra_texts)} docs")
    return flat


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=None)
    ap.add_argument("--vocab", default=str(RUNS / "tokenizer" / "vocab.txt"))
    a = ap.parse_args()
    tok = WordPieceTokenizer(a.vocab)
    for s in ("train", "dev", "test") + (("shift",) if has_shift(a.data) else ()):
        ids, y, _, _ = encode_split(tok, s, a.data, vocab_path=a.vocab)
        lens = np.array([len(x) for x in ids])
        log(f"{s}: {len(ids)} docs, tokens p50 {np.median(lens):.0f} p90 {np.percentile(lens, 90):.0f} "
            f"mean {lens.mean():.0f}")


if __name__ == "__main__":
    main()
