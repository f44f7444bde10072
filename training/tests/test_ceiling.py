"""training.ceiling: served logits rebuilt from member files as combine.ts builds them, and the recombination
ceiling."""
import contextlib
import io
import json
import tempfile
import unittest
from pathlib import Path

import numpy as np

from training.ceiling import main, pair_aucs, read_members, served_logits
from training.common import ALL_CLASSES
from training.export import apply_stack, stack_fit


def members_file(path, cls, E, W):
    path.write_text("".join(json.dumps({"id": str(i), "label": ALL_CLASSES[c], "source": None, "ensemble": e.tolist(),
                                        "word": w.tolist()}) + "\n" for i, (c, e, w) in enumerate(zip(cls, E, W))))


class CeilingTest(unittest.TestCase):
    def setUp(self):
        rng = np.random.default_rng(3)
        n = 600
        self.cls = rng.integers(0, 5, n)  # 4 = none, as in the member files
        onehot = np.eye(5)[self.cls][:, :4]
        self.E = rng.normal(size=(n, 4)) + 1.5 * onehot
        # the word member knows the labels well; a stack fitted here can lean on it, the served blend does not
        self.W = np.hstack([rng.normal(size=(n, 4)) + 4 * onehot, rng.normal(size=(n, 2))])
        self.tmp = tempfile.TemporaryDirectory()
        self.path = Path(self.tmp.name) / "m.jsonl"
        members_file(self.path, self.cls, self.E, self.W)

    def tearDown(self):
        self.tmp.cleanup()

    def test_reads_labels_with_none_last(self):
        E, W, Y, cls = read_members(self.path)
        np.testing.assert_array_equal(cls, self.cls)
        np.testing.assert_array_equal(Y.sum(1), (self.cls < 4).astype(float))
        np.testing.assert_allclose(W, self.W)

    def test_served_logits_are_the_blend_then_the_stack(self):
        E, W, Y, _ = read_members(self.path)
        Wt, b = stack_fit(np.hstack([E, W]), Y)
        blend = {"ensemble": [1, 0.5, 1, 0], "word": [0, 0.5, 0.2, 1]}
        stack = {"weights": Wt.tolist(), "bias": b.tolist(), "blend_weight": [1, 0.5, 0, 1], "stack_weight": [0, 1, 2, 0]}
        blended = E * np.array(blend["ensemble"]) + W[:, :4] * np.array(blend["word"])
        np.testing.assert_allclose(served_logits(E, W, {"blend": blend}), blended)
        np.testing.assert_allclose(served_logits(E, W, {"blend": blend, "stack": stack}),
                                   apply_stack(blended, np.hstack([E, W]), stack))

    def test_pairs_show_where_a_condition_is_confused(self):
        L = np.eye(5)[self.cls][:, :4].copy()
        L[self.cls == 3, 0] = 1  # depression's score cannot tell suicidal posts apart
        pairs = pair_aucs(np.eye(5)[self.cls][:, :4], self.cls, L)
        self.assertAlmostEqual(pairs["depression"]["suicidal"]["auc"], 0.5)
        self.assertAlmostEqual(pairs["depression"]["none"]["auc"], 1.0)
        self.assertEqual(pairs["depression"]["none"]["n"], int((self.cls == 4).sum()))

    def test_ceiling_finds_what_the_served_mix_leaves_out(self):
        model = Path(self.tmp.name) / "model"
        model.mkdir()
        # served: the ensemble alone, which knows the labels less well than the word member
        (model / "config.json").write_text(json.dumps({"word_model": {"blend": {"ensemble": [1] * 4, "word": [0] * 4}}}))
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            main(["--set", f"s={self.path}", "--model", str(model), "--json"])
        r = json.loads(buf.getvalue())["s"]
        self.assertEqual(r["n"], len(self.cls))
        self.assertGreater(r["ceiling"]["auc"], r["served"]["auc"] + 0.05)


if __name__ == "__main__":
    unittest.main()
