/**
 * Split [CLS] content [SEP] into overlapping windows of at most maxLength tokens
 * (content chunks of maxLength-2, step `stride`, default 3/4 of a chunk). Every token is
 * covered, so the end of a long post is never dropped. Mirrors training/wordpiece.py.
 */
export function windows(ids: number[], maxLength: number, stride?: number): number[][] {
  const cls = ids[0] as number;
  const sep = ids[ids.length - 1] as number;
  const content = ids.slice(1, -1);
  const c = maxLength - 2;
  const step = stride ?? Math.max(1, Math.floor((c * 3) / 4));
  if (content.length <= c) return [ids];
  const out: number[][] = [];
  for (let start = 0; ; start += step) {
    out.push([cls, ...content.slice(start, start + c), sep]);
    if (start + c >= content.length) break;
  }
  return out;
}
