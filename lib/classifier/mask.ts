/**
 * Mentions of a community are blanked before any model reads a post, exactly as in training (training/mask.py).
 * Every training post is labelled by the subreddit it came from, so "r/SuicideWatch" or "this sub" tell a model
 * where a post was written rather than what it says. Each mention becomes spaces of its own length, so offsets into
 * the post (evidence sentences) stay valid. ASCII classes only, so Python's and JavaScript's patterns agree; the
 * fixture mask-cases.json, written by training/fixtures.py, checks both sides give the same text.
 */
const PATTERNS = [
  // r/name, /r/name and reddit.com/r/name (not inside a word)
  String.raw`(?<![A-Za-z0-9_])/?r/[A-Za-z0-9_]{2,}`,
  // "this sub", "the subreddit", "other subs": a post talking about where it is posted
  String.raw`(?<![A-Za-z0-9_])(?:this|the|that|these|our|other|a|any)[ \t\n\r\f\v]+(?:sub|subs|subreddit|subreddits)(?![A-Za-z0-9_])`,
  // the name of the suicide-support community, with or without the space
  String.raw`(?<![A-Za-z0-9_])suicide[ \t\n\r\f\v]?watch(?![A-Za-z0-9_])`,
];

const MENTION = new RegExp(PATTERNS.map((p) => `(?:${p})`).join("|"), "gi");

export function maskMentions(text: string): string {
  return text.replace(MENTION, (m) => " ".repeat(m.length));
}
