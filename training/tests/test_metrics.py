import unittest

import numpy as np

from training.metrics import auc, ece, evaluate, predict_class, prf, crisis_threshold


class MetricsTest(unittest.TestCase):
    def test_auc_hand_computed(self):
        # positives 0.9, 0.4; negatives 0.5, 0.1, 0.4 -> pairs: (0.9>all)=3, (0.4>0.1)=1, tie 0.4=0.5 -> 4.5/6
        self.assertAlmostEqual(auc([1, 1, 0, 0, 0], [0.9, 0.4, 0.5, 0.1, 0.4]), 4.5 / 6)
        self.assertTrue(np.isnan(auc([0, 0], [0.1, 0.2])))

    def test_prf(self):
        p, r, f = prf([1, 1, 0, 0], [1, 0, 1, 0])
        self.assertEqual((p, r, f), (0.5, 0.5, 0.5))

    def test_predict_class_and_ece(self):
        th = {"depression": 0.5, "anxiety": 0.5, "bipolar": 0.5, "suicidal": 0.3}
        P = np.array([[0.6, 0.7, 0.1, 0.1], [0.1, 0.1, 0.1, 0.35], [0.1, 0.2, 0.3, 0.2]])
        self.assertEqual(predict_class(P, th).tolist(), [1, 3, 4])
        # 15 bins; all probabilities 0.5 with half positives -> 0
        self.assertAlmostEqual(ece(np.array([[1.0, 0.0]]), np.array([[0.5, 0.5]])), 0.0)
        self.assertAlmostEqual(ece(np.array([[1.0]]), np.array([[0.9]])), 0.1)

    def test_evaluate_and_crisis(self):
        th = {"depression": 0.5, "anxiety": 0.5, "bipolar": 0.5, "suicidal": 0.5}
        Y = np.array([[1, 0, 0, 0], [0, 0, 0, 1], [0, 0, 0, 0], [0, 0, 0, 0]], dtype=float)
        cls = np.array([0, 3, 4, 4])
        P = np.array([[0.9, 0.1, 0.1, 0.2], [0.2, 0.1, 0.1, 0.8], [0.1, 0.1, 0.1, 0.6], [0.1, 0.1, 0.1, 0.1]])
        r = evaluate(Y, cls, P, th, crisis_threshold=0.5, n_boot=0)
        self.assertEqual(set(r["per_label"]), {"depression", "suicidal"})  # absent labels left out
        self.assertEqual(r["auc"]["value"], 1.0)
        # suicidal F1: tp 1, fp 1 -> p .5 r 1 f .6667; depression F1 1 -> macro .8333
        self.assertAlmostEqual(r["f1"]["value"], 0.8333, places=4)
        self.assertEqual(r["accuracy"]["value"], 0.75)
        self.assertEqual(r["crisis"]["suicidal_recall"], 1.0)
        self.assertEqual(r["crisis"]["none_flagged_rate"], 0.5)
        t = crisis_threshold(np.array([4] * 100), np.linspace(0, 1, 100), 0.05)
        self.assertAlmostEqual((np.linspace(0, 1, 100) >= t).mean(), 0.05)


if __name__ == "__main__":
    unittest.main()
