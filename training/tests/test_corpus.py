"""The training corpus (reddit-extra joins train, masked and weighted) and the crisis threshold for the world."""
import json
import os
import tempfile
import unittest
from pathlib import Path

import numpy as np

from training.corpus import EXTRA_WEIGHT, load_rows
from training.export import CRISIS_MAX_NONE_RATE, world_crisis_threshold
from training.mask import mask_mentions


class MaskTest(unittest.TestCase):
    def test_mentions_blanked_with_offsets_kept(self):
        t = "Posted on r/SuicideWatch, /r/depression and this sub. SuicideWatch helped; a subtle sub-par day."
        m = mask_mentions(t)
        self.assertEqual(len(m), len(t))
        for gone in ("SuicideWatch", "depression", "this sub"):
            self.assertNotIn(gone, m)
        self.assertIn("a subtle sub-par day.", m)


class CorpusTest(unittest.TestCase):
    def test_extra_joins_train_only_masked_and_weighted(self):
        with tempfile.TemporaryDirectory() as tmp:
            tmp = Path(tmp)
            (tmp / "mh").mkdir()
            (tmp / "reddit-extra").mkdir()
            row = {"id": "a", "text": "my r/depression post", "label": "depression"}
            for split in ("train", "dev"):
                (tmp / "mh" / f"{split}.jsonl").write_text(json.dumps(row) + "\n")
            (tmp / "reddit-extra" / "train.jsonl").write_text(json.dumps(
                {"id": "b", "text": "a casual post", "label": "none", "source": "s"}) + "\n")
            train = load_rows("train", str(tmp / "mh"))
            self.assertEqual([r["id"] for r in train], ["a", "b"])
            self.assertEqual([r["weight"] for r in train], [1.0, EXTRA_WEIGHT])
            self.assertNotIn("depression", train[0]["text"])
            self.assertEqual([r["id"] for r in load_rows("dev", str(tmp / "mh"))], ["a"])


class WorldThresholdTest(unittest.TestCase):
    def test_the_strictest_of_dev_shift_and_each_source(self):
        none = 4
        # dev: 100 none posts scored 0.00-0.99 -> 4% flagged above 0.95
        cdv = np.full(100, none)
        pdv = np.arange(100) / 100
        self.assertAlmostEqual(world_crisis_threshold(cdv, pdv), np.nextafter(0.95, 1))
        # shift: one casual source of 20 none posts with high scores; 6% of it may be flagged (1 post)
        csh = np.full(120, none)
        psh = np.concatenate([np.arange(100) / 1000, 0.97 + np.arange(20) / 1000])
        src = np.array(["calm"] * 100 + ["casual"] * 20)
        t = world_crisis_threshold(cdv, pdv, (csh, psh, src))
        casual = psh[src == "casual"]
        self.assertLessEqual((casual >= t).mean(), 0.06)
        self.assertLessEqual((psh >= t).mean(), CRISIS_MAX_NONE_RATE)
        self.assertGreater(t, 0.95)


if __name__ == "__main__":
    unittest.main()
