import unittest

import numpy as np

from training.export import (CRISIS_MAX_OTHER_RISE, apply_stack, choose_crisis, choose_stack, crisis_logit,
                             recall_at_none_rate, stack_contrast, stack_features, stack_fit, stack_logits)


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

    def test_each_label_mixes_blend_and_stack_by_its_weights(self):
        W, b = stack_fit(self.F, self.Y)
        blended = np.full((len(self.F), 4), 7.0)
        stack = {"weights": W.tolist(), "bias": b.tolist(), "blend_weight": [0, 1, 0.5, 1], "stack_weight": [1, 0, 0.25, 0]}
        out = apply_stack(blended, self.F, stack)
        S = stack_logits(self.F, W, b)
        np.testing.assert_allclose(out[:, 0], S[:, 0])
        self.assertTrue(np.all(out[:, [1, 3]] == 7.0))
        np.testing.assert_allclose(out[:, 2], 3.5 + 0.25 * S[:, 2])

    def test_square_terms_follow_the_logits_about_the_centre(self):
        F = np.array([[1.0, -2.0], [3.0, 0.5]])
        np.testing.assert_allclose(stack_features(F, [1.0, 0.0]), [[1, -2, 0, 4], [3, 0.5, 4, 0.25]])
        self.assertIs(stack_features(F, None), F)

    def test_a_stack_with_a_centre_reads_the_squares(self):
        # a class told apart only by distance from the centre: linear in F it is invisible, with squares it is not
        rng = np.random.default_rng(2)
        F = rng.normal(size=(600, 2))
        Y = np.zeros((600, 4), dtype=np.float32)
        far = np.abs(F[:, 0]) > 1.2
        Y[far, 0] = 1
        rest = rng.integers(0, 4, 600)  # the other posts: none or a random other condition
        for i in np.flatnonzero(~far & (rest > 0)):
            Y[i, rest[i]] = 1
        stack, _ = choose_stack(np.zeros((600, 4)), F, Y)
        self.assertEqual(np.array(stack["weights"]).shape, (5, 4))
        S = apply_stack(np.zeros((600, 4)), F, {**stack, "blend_weight": [0] * 4, "stack_weight": [1] * 4})
        from sklearn.metrics import roc_auc_score
        self.assertGreater(roc_auc_score(Y[:, 0], S[:, 0]), 0.95)

    def test_crisis_recall_counts_suicidal_posts_above_the_none_threshold(self):
        Y = np.zeros((8, 4), dtype=np.float32)
        Y[4:, 3] = 1  # posts 0-3 none, 4-7 suicidal
        score = np.array([0, 1, 2, 10, 5, 11, 12, 1.5])
        # flagging a quarter of the none posts (the one at 10) puts the threshold just above 2: 5, 11, 12 clear it
        self.assertAlmostEqual(recall_at_none_rate(Y, score, rate=0.25), 0.75)
        self.assertAlmostEqual(recall_at_none_rate(Y, score, rate=0.0), 0.5)

    def test_suicidal_share_follows_crisis_recall(self):
        # a blend whose suicidal score separates suicidal from none perfectly: no share of the stack can beat its
        # crisis recall, so suicidal keeps the blend alone (ties go to AUC, then to the smaller share)
        blended = np.where(self.Y == 1, 5.0, -5.0) + np.random.default_rng(1).normal(0, 0.01, self.Y.shape)
        stack, cv = choose_stack(blended, self.F, self.Y)
        self.assertIn("cv_crisis_recall", cv[3])
        best = max(cv[3]["cv_crisis_recall"].values())
        self.assertEqual(cv[3]["cv_crisis_recall"][str(cv[3]["stack_share"])], best)
        self.assertEqual(len(stack["blend_weight"]), 4)
        self.assertEqual(len(stack["stack_weight"]), 4)

    def test_with_reddit_shift_the_suicidal_share_follows_the_mean_of_both_recalls(self):
        rng = np.random.default_rng(3)
        blended = np.where(self.Y == 1, 1.0, -1.0) + rng.normal(0, 1.5, self.Y.shape)
        shift = (blended[:200], self.F[:200], self.Y[:200])
        stack, cv = choose_stack(blended, self.F, self.Y, shift=shift)
        row = cv[3]
        self.assertEqual(sorted(row["shift_crisis_recall"]), sorted(row["cv_crisis_recall"]))
        mean = {a: (row["cv_crisis_recall"][a] + row["shift_crisis_recall"][a]) / 2 for a in row["cv_crisis_recall"]}
        self.assertAlmostEqual(mean[str(row["stack_share"])], max(mean.values()), places=3)
        # the other labels are chosen on dev alone
        self.assertNotIn("shift_crisis_recall", cv[0])


    def test_the_contrast_is_log_p_suicidal_over_p_none(self):
        W, b = stack_fit(self.F, self.Y)
        z = self.F @ W.T + b
        p = np.exp(z - z.max(1, keepdims=True))
        p /= p.sum(1, keepdims=True)
        stack = {"weights": W.tolist(), "bias": b.tolist()}
        np.testing.assert_allclose(stack_contrast(self.F, stack), np.log(p[:, 4] / p[:, 0]), rtol=1e-6, atol=1e-6)

    def test_the_crisis_head_takes_the_best_recall_that_spares_the_other_conditions(self):
        # sui separates suicidal from depression but mixes suicidal with none; the contrast does the opposite
        rng = np.random.default_rng(4)
        cls = self.cls
        sui = np.where(cls == 4, 1.0, np.where(cls == 1, -2.0, 0.0)) + rng.normal(0, 0.8, len(cls))
        contrast = np.where(cls == 4, 2.0, np.where(cls == 0, -2.0, 1.5)) + rng.normal(0, 0.8, len(cls))
        crisis, rec = choose_crisis(sui, contrast, self.Y, shift=(sui, contrast, self.Y))
        allowed = {float(a): np.mean(r["recall"]) for a, r in rec.items() if r["other_rise"] <= CRISIS_MAX_OTHER_RISE}
        self.assertIn(crisis["share"], allowed)
        self.assertAlmostEqual(allowed[crisis["share"]], max(allowed.values()), places=3)
        # a share that would flag many more of the other conditions' posts is refused even with more recall
        self.assertTrue(any(r["other_rise"] > CRISIS_MAX_OTHER_RISE for r in rec.values()))
        # the served weights reproduce the chosen mix (in the suicidal logit's scale)
        K = crisis_logit(sui, contrast, crisis)
        self.assertAlmostEqual(recall_at_none_rate(self.Y, K), rec[str(crisis["share"])]["recall"][0], places=3)

if __name__ == "__main__":
    unittest.main()
