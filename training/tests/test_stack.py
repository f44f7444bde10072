import unittest

import numpy as np

from training.export import apply_stack, choose_stack, recall_at_none_rate, stack_fit, stack_logits


class StackTest(unittest.TestCase):
    def setUp(self):
        rng = np.random.default_rng(0)
        n = 400
        self.cls = rng.integers(0, 5, n)  # 0 = none
        self.Y = np.zeros((n, 4), dtype=np.float32)
        for i, c in enumerate(self.cls):
            if c:
                self.Y[i, c - 1] = 1
        self.F = rng.normal(size=(n, 12)) + np.eye(12)[np.clip(self.cls * 2, 0, 11)] * 2

    def test_log_odds_match_the_softmax(self):
        W, b = stack_fit(self.F, self.Y)
        z = self.F @ W.T + b
        p = np.exp(z - z.max(1, keepdims=True))
        p /= p.sum(1, keepdims=True)
        np.testing.assert_allclose(stack_logits(self.F, W, b), np.log(p[:, 1:] / (1 - p[:, 1:])), rtol=1e-6, atol=1e-6)

    def test_folded_standardisation_matches_sklearn(self):
        from sklearn.linear_model import LogisticRegression
        W, b = stack_fit(self.F, self.Y, C=0.1)
        mu, sd = self.F.mean(0), self.F.std(0) + 1e-9
        m = LogisticRegression(C=0.1, max_iter=3000).fit((self.F - mu) / sd, self.cls)
        p = m.predict_proba((self.F - mu) / sd)
        np.testing.assert_allclose(stack_logits(self.F, W, b), np.log(p[:, 1:] / (1 - p[:, 1:])), rtol=1e-5, atol=1e-5)

    def test_only_chosen_labels_take_the_stack(self):
        W, b = stack_fit(self.F, self.Y)
        blended = np.full((len(self.F), 4), 7.0)
        out = apply_stack(blended, self.F, {"weights": W.tolist(), "bias": b.tolist(), "labels": [True, False, False, True]})
        self.assertTrue(np.all(out[:, 1:3] == 7.0))
        np.testing.assert_allclose(out[:, [0, 3]], stack_logits(self.F, W, b)[:, [0, 3]])

    def test_crisis_recall_counts_suicidal_posts_above_the_none_threshold(self):
        Y = np.zeros((8, 4), dtype=np.float32)
        Y[4:, 3] = 1  # posts 0-3 none, 4-7 suicidal
        score = np.array([0, 1, 2, 10, 5, 11, 12, 1.5])
        # flagging a quarter of the none posts (the one at 10) puts the threshold just above 2: 5, 11, 12 clear it
        self.assertAlmostEqual(recall_at_none_rate(Y, score, rate=0.25), 0.75)
        self.assertAlmostEqual(recall_at_none_rate(Y, score, rate=0.0), 0.5)

    def test_suicidal_keeps_the_blend_when_the_stack_would_lower_crisis_recall(self):
        # a blend whose suicidal score separates suicidal from none perfectly: the stack cannot beat its crisis recall
        blended = np.where(self.Y == 1, 5.0, -5.0) + np.random.default_rng(1).normal(0, 0.01, self.Y.shape)
        stack, cv = choose_stack(blended, self.F, self.Y)
        self.assertFalse(stack["labels"][3])
        self.assertIn("cv_crisis_recall", cv[3])


if __name__ == "__main__":
    unittest.main()
