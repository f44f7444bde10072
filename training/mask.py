"""Mentions of a community are removed before any model reads a post, in training and serving alike.

Every post is labelled by the subreddit it came from, so "r/SuicideWatch", "this sub" or "the subreddit" tell
a model where a post was written rather than what it says: a leak of the label that no real-world post carries in
the same way. lib/classifier/mask.ts applies the same patterns (ASCII classes only, so Python's and JavaScript's
regular expressions agree); a committed fixture (training/fixtures.py) checks both sides give the same text."""
import re

# Each mention becomes spaces of its own length: no placeholder word that a model could learn as a cue instead, and
# the served text keeps its offsets (evidence sentences are cut from the post as written).
PATTERNS = [
    # r/name, /r/name and reddit.com/r/name (not inside a word)
    r"(?<![A-Za-z0-9_])/?r/[A-Za-z0-9_]{2,}",
    # "this sub", "the subreddit", "other subs": a post talking about where it is posted
    r"(?<![A-Za-z0-9_])(?:this|the|that|these|our|other|a|any)[ \t\n\r\f\v]+(?:sub|subs|subreddit|subreddits)(?![A-Za-z0-9_])",
    # the name of the suicide-support community, with or without the space
    r"(?<![A-Za-z0-9_])suicide[ \t\n\r\f\v]?watch(?![A-Za-z0-9_])",
]
MENTION = re.compile("|".join(f"(?:{p})" for p in PATTERNS), re.IGNORECASE | re.ASCII)

FIXTURE_TEXTS = [
    "I posted this on r/SuicideWatch and /r/depression before, and this sub helps.",
    "Not sure if this is the right subreddit. Other subs told me to come here.",
    "suicidewatch or Suicide Watch, both masked; www.reddit.com/r/Anxiety loses its name",
    "subtle substance: sub-par, r/a is too short, rr/xy and r/_ stay",
    "THIS SUB, The Subreddit and our subreddits",
    "",
]


def mask_mentions(text: str) -> str:
    return MENTION.sub(lambda m: " " * len(m.group()), text)
