"""What the models learn from and are checked on, as the served pipeline reads it (community mentions masked).

- train: reddit-mh's train split plus every post of reddit-extra (44,554 modern 'none' posts from 44 communities,
  one line to long, 2017-2024). 88% of reddit-mh's 'none' posts are 2013 all-time top posts of 23 communities, so
  on reddit-mh alone a model learns "long and polished = none" and flags short casual posts as crisis. reddit-extra's
  rows carry weight EXTRA_WEIGHT. At 1.0 'none' is 69% of the corpus (conditions 26.9k, 'none' 15.0k + 44.6k): a
  real feed is mostly 'none' too, and calibration and thresholds are set on dev and reddit-shift, not by this prior.
  Measured with the word 1-2-gram softmax LR (macro AUC of each condition against none): weight 1.0 gave
  reddit-shift 0.980 and at most 7.9% of any shift community's none posts over the crisis line; 0.5 gave 0.977 and
  11.0%; a 400-post cap per community 0.974; reddit-mh alone 0.952 (docs/journal.md).
- dev / test: reddit-mh's dev and test splits (in distribution).
- shift: reddit-shift/dev.jsonl, posts from other collections, authors and years. Only for choosing models and
  thresholds; never trained on.

Every row gets a `weight` (1.0 unless said above). When reddit-extra is not beside the data folder (the unit tests'
tiny corpora) the train split is reddit-mh's alone."""
from .common import data_dir, read_jsonl
from .mask import mask_mentions

EXTRA_WEIGHT = 1.0


def extra_path(ddir=None):
    return data_dir(ddir).parent / "reddit-extra" / "train.jsonl"


def shift_path(ddir=None):
    return data_dir(ddir).parent / "reddit-shift" / "dev.jsonl"


def _masked(rows, weight):
    return [{**r, "text": mask_mentions(r["text"]), "weight": weight} for r in rows]


def load_rows(split, ddir=None, limit=None):
    """The rows of a split, masked and weighted. split: train | dev | test | shift."""
    if split == "shift":
        return _masked(read_jsonl(shift_path(ddir), limit), 1.0)
    rows = _masked(read_jsonl(data_dir(ddir) / f"{split}.jsonl", limit), 1.0)
    if split == "train" and extra_path(ddir).exists():
        rows += _masked(read_jsonl(extra_path(ddir), limit), EXTRA_WEIGHT)
    return rows


def has_shift(ddir=None):
    return shift_path(ddir).exists()
