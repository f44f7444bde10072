"""Writes lib/classifier/__fixtures__/tokenizer-cases.json (token ids from the Python tokenizer on tricky
hand-written text) and mask-cases.json (training/mask.py's output on its own cases and on the tokenizer's), for the
TypeScript parity tests."""
import argparse
import hashlib
import json
from pathlib import Path

from .common import REPO, RUNS
from .mask import FIXTURE_TEXTS as MASK_TEXTS, mask_mentions
from .wordpiece import WordPieceTokenizer

CASES = [
    "Hello, World! I'm FINE... really?!",
    "Café naïve résumé coöperate ÀÉÎÕÜ ñandú Ångström",
    "emoji 😀😢💔 family 👨‍👩‍👧 flag 🇺🇸 skin 👍🏽 keycap 1️⃣",
    "see https://www.example.com/path?q=a+b&x=1#frag or mail me: someone@example.org",
    "中文字符 日本語のテキスト 한국어 텍스트 𠀀 astral",
    "Arabic مرحبا بالعالم Hindi नमस्ते दुनिया Greek ΣΊΣΥΦΟΣ Ελλάδα Russian Привет",
    "zero\u200bwidth\u200cjoin\u200d soft\u00adhyphen nbsp\u00a0here bom\ufeffmark tab\tnew\nline\r\ncr",
    "control\x00\x01\x07\x1f\x7f\x85 chars \ufffd replacement \ue000 private",
    "literal [MASK] and [CLS] tokens, [UNK] [SEP] [PAD] and [mask] lower",
    "a" * 101 + " " + "b" * 100 + " ok",
    "ﬁ ligature ① circled Ⅻ roman ｆｕｌｌｗｉｄｔｈ İstanbul ß straße ǅ",
    "don't won't y'all ‘curly’ “quotes” — dash … ellipsis ¡¿ «guillemets»",
    "",
    "   \n\t  ",
    "lone \ud800 surrogate \udc00 here",
]


def long_text():
    base = "Lantern test: ünïcödé 😀 https://x.org/a?b=c — 東京 [MASK] don't. "
    return (base * (100_000 // len(base) + 1))[:100_000]


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--vocab", default=str(RUNS / "tokenizer" / "vocab.txt"))
    ap.add_argument("--out", default=str(REPO / "lib" / "classifier" / "__fixtures__" / "tokenizer-cases.json"))
    a = ap.parse_args(argv)
    tok = WordPieceTokenizer(a.vocab)
    cases = [{"text": t, "ids": tok.encode(t)} for t in CASES]
    ids = tok.encode(long_text())
    long = {"recipe": "base repeated, first 100000 code points", "length": 100_000,
            "n_ids": len(ids), "sha1": hashlib.sha1(",".join(map(str, ids)).encode()).hexdigest(),
            "head": ids[:40], "tail": ids[-40:]}
    Path(a.out).parent.mkdir(parents=True, exist_ok=True)
    Path(a.out).write_text(json.dumps({"cases": cases, "long": long}, ensure_ascii=True, indent=0))
    print(f"wrote {a.out}: {len(cases)} cases, long text {len(ids)} ids")
    masks = [{"text": t, "masked": mask_mentions(t)} for t in MASK_TEXTS + CASES]
    mask_out = Path(a.out).parent / "mask-cases.json"
    mask_out.write_text(json.dumps({"cases": masks}, ensure_ascii=True, indent=0))
    print(f"wrote {mask_out}: {len(masks)} cases")


if __name__ == "__main__":
    main()
