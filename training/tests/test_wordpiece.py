import unittest

from training.wordpiece import WordPieceTokenizer, normalize, pre_tokenize, train_vocab, windows, SPECIALS


class WordPieceTest(unittest.TestCase):
    def test_normalize(self):
        self.assertEqual(normalize("Café NAÏVE"), "cafe naive")
        self.assertEqual(normalize("a\u200bb\x00c\tD"), "abc d")  # Cf and Cc removed, tab -> space
        self.assertEqual(normalize("東京"), " 東  京 ")

    def test_pre_tokenize(self):
        self.assertEqual(pre_tokenize("don't stop!! http://x.io"),
                         ["don", "'", "t", "stop", "!", "!", "http", ":", "/", "/", "x", ".", "io"])

    def test_train_and_encode(self):
        texts = ["the feeling of feeling unfeeling", "feelings are felt", "the end"] * 5
        vocab = train_vocab(texts, vocab_size=120, min_word_count=1, log=lambda *_: None)
        self.assertEqual(vocab[:5], SPECIALS)
        self.assertIn("feeling", vocab)
        tok = WordPieceTokenizer(vocab)
        ids = tok.encode("Feeling unfeelings [MASK] zzz€")
        toks = [tok.itos[i] for i in ids]
        self.assertEqual(toks[0], "[CLS]")
        self.assertEqual(toks[-1], "[SEP]")
        self.assertIn("feeling", toks)
        self.assertIn("[MASK]", toks)
        self.assertIn("[UNK]", toks)  # € never seen
        self.assertEqual(tok.encode("x" * 101), [tok.cls, tok.unk, tok.sep])

    def test_windows_cover_everything(self):
        ids = [2] + list(range(100, 1100)) + [3]
        ws = windows(ids, 64)
        seen = set()
        for w in ws:
            self.assertLessEqual(len(w), 64)
            self.assertEqual((w[0], w[-1]), (2, 3))
            seen.update(w[1:-1])
        self.assertEqual(seen, set(range(100, 1100)))
        self.assertEqual(windows([2, 5, 3], 64), [[2, 5, 3]])


if __name__ == "__main__":
    unittest.main()
