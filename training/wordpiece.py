"""BERT uncased WordPiece: normalizer, pre-tokenizer, encoder and a vocabulary trainer.

The encoder mirrors the Hugging Face tokenizer.json pipeline as implemented by
@huggingface/tokenizers (used by @huggingface/transformers in the app):
BertNormalizer(clean_text, handle_chinese_chars, lowercase, strip_accents) ->
BertPreTokenizer -> WordPiece(##, max 100 chars/word) -> [CLS] $A [SEP].
The trainer is BPE on word counts with the ## continuing-subword prefix (the same
scheme HF's WordPieceTrainer uses), implemented with incremental pair counts and a
lazy max-heap so 16k merges take well under a minute.
"""
import heapq
import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

SPECIALS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
PAD, UNK, CLS, SEP, MASK = range(5)


def _ranges(pred):
    out, start, prev = [], None, None
    for cp in range(sys.maxunicode + 1):
        if pred(cp):
            if start is None:
                start = cp
            prev = cp
        elif start is not None:
            out.append((start, prev))
            start = None
    if start is not None:
        out.append((start, prev))
    return out


def _cls(ranges):
    def esc(cp):
        return "\\U%08x" % cp
    return "".join(esc(a) if a == b else esc(a) + "-" + esc(b) for a, b in ranges)


_CACHE = Path(__file__).resolve().parent / "runs" / "unicode_classes.json"


def _build_classes():
    key = unicodedata.unidata_version
    if _CACHE.exists():
        d = json.loads(_CACHE.read_text())
        if d.get("v") == key:
            return d
    cat = unicodedata.category
    d = {
        "v": key,
        # JS BertNormalizer.is_control: \p{Cc}|\p{Cf}|\p{Co}|\p{Cs}, except \t \n \r; plus U+0000/U+FFFD
        "remove": _ranges(lambda c: (c in (0, 0xFFFD) or cat(chr(c)) in ("Cc", "Cf", "Co", "Cs"))
                          and c not in (9, 10, 13)),
        # JS punctuation: \p{P} plus ASCII symbol ranges
        "punct": _ranges(lambda c: cat(chr(c)).startswith("P") or 33 <= c <= 47 or 58 <= c <= 64
                         or 91 <= c <= 96 or 123 <= c <= 126),
        "mn": _ranges(lambda c: cat(chr(c)) == "Mn"),
    }
    try:
        _CACHE.parent.mkdir(parents=True, exist_ok=True)
        _CACHE.write_text(json.dumps(d))
    except OSError:
        pass
    return d


_C = _build_classes()
# JavaScript's \s (ECMAScript WhiteSpace + LineTerminator)
_JS_WS = "\t\n\x0b\x0c\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
_REMOVE_RE = re.compile("[" + _cls(_C["remove"]) + "]")
_WS_RE = re.compile("[" + _JS_WS + "]")
# JS handles CJK per UTF-16 code unit, so only the BMP ranges can ever match
_CJK_RE = re.compile("[\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff]")
_MN_RE = re.compile("[" + _cls(_C["mn"]) + "]")
_P = _cls(_C["punct"])
_PRETOK_RE = re.compile("[^" + _JS_WS + _P + "]+|[" + _P + "]")


def normalize(text):
    text = _REMOVE_RE.sub("", text)
    text = _WS_RE.sub(" ", text)
    if not text.isascii():
        text = _CJK_RE.sub(lambda m: " " + m.group(0) + " ", text)
    text = text.lower()
    if not text.isascii():
        text = _MN_RE.sub("", unicodedata.normalize("NFD", text))
    return text


def pre_tokenize(text):
    return _PRETOK_RE.findall(text.strip(_JS_WS.replace("\u2000-\u200a", "") + "".join(
        chr(c) for c in range(0x2000, 0x200B))))


def words(text):
    return pre_tokenize(normalize(text))


class WordPieceTokenizer:
    def __init__(self, vocab, max_chars=100):
        if isinstance(vocab, (str, Path)):
            vocab = [l.rstrip("\n") for l in open(vocab, encoding="utf-8")]
        self.itos = list(vocab)
        self.vocab = {t: i for i, t in enumerate(self.itos)}
        self.max_chars = max_chars
        self.unk = self.vocab["[UNK]"]
        self.cls = self.vocab["[CLS]"]
        self.sep = self.vocab["[SEP]"]
        self.pad = self.vocab["[PAD]"]
        self.mask = self.vocab["[MASK]"]
        self._cache = {}
        self._special_re = re.compile("|".join(re.escape(s) for s in SPECIALS))

    def word_ids(self, w):
        ids = self._cache.get(w)
        if ids is not None:
            return ids
        if len(w) > self.max_chars:
            ids = [self.unk]
        else:
            ids, start, n = [], 0, len(w)
            while start < n:
                end = n
                cur = None
                while start < end:
                    s = w[start:end] if start == 0 else "##" + w[start:end]
                    cur = self.vocab.get(s)
                    if cur is not None:
                        break
                    end -= 1
                if cur is None:
                    ids = [self.unk]
                    break
                ids.append(cur)
                start = end
        if len(self._cache) < 2_000_000:
            self._cache[w] = ids
        return ids

    def _encode_plain(self, text, out):
        for w in words(text):
            out.extend(self.word_ids(w))

    def encode(self, text, add_special=True):
        """Token ids for text (no truncation). Literal special tokens in the text are
        kept as special tokens, as the HF added-token splitter does."""
        out = [self.cls] if add_special else []
        if "[" in text and self._special_re.search(text):
            pos = 0
            for m in self._special_re.finditer(text):
                self._encode_plain(text[pos:m.start()], out)
                out.append(self.vocab[m.group(0)])
                pos = m.end()
            self._encode_plain(text[pos:], out)
        else:
            self._encode_plain(text, out)
        if add_special:
            out.append(self.sep)
        return out

    def tokens(self, text):
        return [self.itos[i] for i in self.encode(text)]


def windows(ids, max_length, stride=None):
    """Split [CLS] content [SEP] into overlapping windows of at most max_length tokens.
    Same scheme as lib/classifier: content chunks of max_length-2 with a step of
    `stride` (default 3/4 of the chunk), each wrapped in [CLS] ... [SEP]."""
    cls, sep = ids[0], ids[-1]
    content = ids[1:-1]
    c = max_length - 2
    stride = stride or max(1, (c * 3) // 4)
    if len(content) <= c:
        return [ids]
    out, start = [], 0
    while True:
        out.append([cls] + content[start:start + c] + [sep])
        if start + c >= len(content):
            break
        start += stride
    return out


# ---------------------------------------------------------------- training

def train_vocab(texts, vocab_size=16000, min_word_count=2, alphabet_size=1000, log=print):
    counts = Counter()
    for t in texts:
        counts.update(words(t))
    log(f"unique words {len(counts)}")
    char_counts = Counter()
    for w, c in counts.items():
        for ch in w:
            char_counts[ch] += c
    alphabet = [ch for ch, _ in char_counts.most_common(alphabet_size)]
    alpha = set(alphabet)
    vocab = list(SPECIALS)
    seen = set(vocab)
    for ch in alphabet:
        for t in (ch, "##" + ch):
            if t not in seen:
                seen.add(t)
                vocab.append(t)
    # words used for merges
    wl, wc = [], []
    for w, c in counts.items():
        if c < min_word_count or len(w) > 100 or any(ch not in alpha for ch in w):
            continue
        wl.append([w[0]] + ["##" + ch for ch in w[1:]])
        wc.append(c)
    log(f"merge words {len(wl)} alphabet {len(alphabet)}")
    pair_counts = Counter()
    where = {}
    for i, sy in enumerate(wl):
        c = wc[i]
        for a, b in zip(sy, sy[1:]):
            pair_counts[(a, b)] += c
            where.setdefault((a, b), set()).add(i)
    heap = [(-c, p) for p, c in pair_counts.items()]
    heapq.heapify(heap)

    def merged(a, b):
        return a + b[2:]

    while len(vocab) < vocab_size and heap:
        negc, pair = heapq.heappop(heap)
        cur = pair_counts.get(pair, 0)
        if cur <= 0 or -negc != cur:
            continue
        a, b = pair
        new = merged(a, b)
        if new not in seen:
            seen.add(new)
            vocab.append(new)
        touched = Counter()
        for i in list(where.get(pair, ())):
            sy = wl[i]
            c = wc[i]
            for p in zip(sy, sy[1:]):
                pair_counts[p] -= c
                touched[p] += 0
                s = where.get(p)
                if s is not None:
                    s.discard(i)
            ns, j = [], 0
            while j < len(sy):
                if j + 1 < len(sy) and sy[j] == a and sy[j + 1] == b:
                    ns.append(new)
                    j += 2
                else:
                    ns.append(sy[j])
                    j += 1
            wl[i] = ns
            for p in zip(ns, ns[1:]):
                pair_counts[p] += c
                touched[p] += 0
                where.setdefault(p, set()).add(i)
        pair_counts.pop(pair, None)
        where.pop(pair, None)
        for p in touched:
            v = pair_counts.get(p, 0)
            if v > 0:
                heapq.heappush(heap, (-v, p))
            else:
                pair_counts.pop(p, None)
    return vocab


def tokenizer_json(vocab, max_length):
    ids = {t: i for i, t in enumerate(vocab)}
    return {
        "version": "1.0",
        "truncation": None,
        "padding": None,
        "added_tokens": [
            {"id": ids[s], "content": s, "single_word": False, "lstrip": False, "rstrip": False,
             "normalized": False, "special": True} for s in SPECIALS],
        "normalizer": {"type": "BertNormalizer", "clean_text": True, "handle_chinese_chars": True,
                       "strip_accents": True, "lowercase": True},
        "pre_tokenizer": {"type": "BertPreTokenizer"},
        "post_processor": {
            "type": "TemplateProcessing",
            "single": [{"SpecialToken": {"id": "[CLS]", "type_id": 0}},
                       {"Sequence": {"id": "A", "type_id": 0}},
                       {"SpecialToken": {"id": "[SEP]", "type_id": 0}}],
            "pair": [{"SpecialToken": {"id": "[CLS]", "type_id": 0}},
                     {"Sequence": {"id": "A", "type_id": 0}},
                     {"SpecialToken": {"id": "[SEP]", "type_id": 0}},
                     {"Sequence": {"id": "B", "type_id": 1}},
                     {"SpecialToken": {"id": "[SEP]", "type_id": 1}}],
            "special_tokens": {
                "[CLS]": {"id": "[CLS]", "ids": [ids["[CLS]"]], "tokens": ["[CLS]"]},
                "[SEP]": {"id": "[SEP]", "ids": [ids["[SEP]"]], "tokens": ["[SEP]"]}},
        },
        "decoder": {"type": "WordPiece", "prefix": "##", "cleanup": True},
        "model": {"type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##",
                  "max_input_chars_per_word": 100, "vocab": ids},
    }


def tokenizer_config(max_length):
    return {
        "tokenizer_class": "BertTokenizer", "do_lower_case": True, "strip_accents": None,
        "tokenize_chinese_chars": True, "model_max_length": max_length,
        "cls_token": "[CLS]", "sep_token": "[SEP]", "pad_token": "[PAD]", "unk_token": "[UNK]",
        "mask_token": "[MASK]", "clean_up_tokenization_spaces": True,
    }


def save_tokenizer(vocab, out_dir, max_length):
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    (out / "vocab.txt").write_text("\n".join(vocab) + "\n", encoding="utf-8")
    (out / "tokenizer.json").write_text(json.dumps(tokenizer_json(vocab, max_length), ensure_ascii=False),
                                        encoding="utf-8")
    (out / "tokenizer_config.json").write_text(json.dumps(tokenizer_config(max_length), indent=2))
    (out / "special_tokens_map.json").write_text(json.dumps(
        {"cls_token": "[CLS]", "sep_token": "[SEP]", "pad_token": "[PAD]", "unk_token": "[UNK]",
         "mask_token": "[MASK]"}, indent=2))


def main():
    import argparse
    from .common import RUNS, log
    from .corpus import load_rows
    ap = argparse.ArgumentParser(description="Learn the WordPiece vocabulary from the train split")
    ap.add_argument("--data", default=None)
    ap.add_argument("--vocab-size", type=int, default=16000)
    ap.add_argument("--max-length", type=int, default=256)
    ap.add_argument("--out", default=str(RUNS / "tokenizer"))
    a = ap.parse_args()
    rows = load_rows("train", a.data)
    vocab = train_vocab([r["text"] for r in rows], a.vocab_size, log=log)
    save_tokenizer(vocab, a.out, a.max_length)
    log(f"vocab {len(vocab)} -> {a.out}")


if __name__ == "__main__":
    main()
