"""training.glove_init: GloVe rows for whole-word tokens only, angles kept, at the random rows' scale; the rest of
the encoder is finetune's own from-scratch start."""
import json
import tempfile
import unittest
from pathlib import Path

import numpy as np
import torch

from training.glove_init import glove_rows, main, read_vectors


class GloveRowsTest(unittest.TestCase):
    def test_whole_words_only_with_angles_and_scale_kept(self):
        vectors = {"sad": np.array([1.0, 0.0, 0.0]), "happy": np.array([0.0, 2.0, 0.0]),
                   "sadness": np.array([1.0, 1.0, 0.0]), "##ness": np.array([0.0, 0.0, 1.0]),
                   "[": np.array([1.0, 1.0, 1.0]), "zero": np.zeros(3)}
        itos = ["[PAD]", "[UNK]", "sad", "happy", "sadness", "##ness", "[", "zero", "unknownword"]
        rows = glove_rows(itos, vectors, dim=8, scale=0.5)
        self.assertEqual(sorted(rows), [2, 3, 4])  # not "##" pieces, special tokens, brackets, zero or unknown words
        for v in rows.values():
            self.assertAlmostEqual(float(np.linalg.norm(v)), 0.5, places=6)
        cos = lambda a, b: float(a @ b / np.linalg.norm(a) / np.linalg.norm(b))
        self.assertAlmostEqual(cos(rows[2], rows[3]), 0.0, places=6)
        self.assertAlmostEqual(cos(rows[2], rows[4]), cos(vectors["sad"], vectors["sadness"]), places=6)


class GloveInitTest(unittest.TestCase):
    def test_checkpoint_is_finetunes_start_plus_glove_rows(self):
        from training.common import SEED, seed_everything
        from training.model import Config, DistilBertForSequenceClassification
        with tempfile.TemporaryDirectory() as tmp:
            tmp = Path(tmp)
            itos = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "sad", "day", "##s"]
            (tmp / "vocab.txt").write_text("\n".join(itos) + "\n")
            vec = {"sad": [0.5, -1.0, 2.0, 3.0, 7], "day": [1.0, 1.0, 0.0, 0.0, 8], "days": [0.0, 1.0, 0.0, 1.0, 9]}
            (tmp / "v.json").write_text(json.dumps({"dimensions": 4, "vectors": vec}))
            self.assertEqual(read_vectors(tmp / "v.json")["sad"].tolist(), [0.5, -1.0, 2.0, 3.0])
            main(["--vocab", str(tmp / "vocab.txt"), "--vectors", str(tmp / "v.json"), "--out", str(tmp / "i.pt"),
                  "--dim", "16", "--layers", "1", "--heads", "2", "--hidden", "32"])
            s = torch.load(tmp / "i.pt")
            self.assertEqual(s["glove_rows"], 2)
            seed_everything(SEED)
            scratch = DistilBertForSequenceClassification(Config(**s["config"])).distilbert.state_dict()
            for k, v in s["encoder"].items():
                if k != "embeddings.word_embeddings.weight":
                    self.assertTrue(torch.equal(v, scratch[k]), k)
            E, E0 = s["encoder"]["embeddings.word_embeddings.weight"], scratch["embeddings.word_embeddings.weight"]
            changed = [t for t in range(len(itos)) if not torch.equal(E[t], E0[t])]
            self.assertEqual(changed, [5, 6])

    def test_missing_vectors_say_how_to_install_them(self):
        with tempfile.TemporaryDirectory() as tmp, self.assertRaises(SystemExit):
            main(["--vectors", str(Path(tmp) / "nope.json"), "--out", str(Path(tmp) / "i.pt")])


if __name__ == "__main__":
    unittest.main()
