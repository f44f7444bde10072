/**
 * Rows sent to the ONNX session in batches of similar length, all batches at once (the worker queues them, so it
 * never waits on the main thread between two). Padding is compute spent on nothing, so a batch ends where the next
 * row is much longer than its first.
 */
import type { OnnxWorkerSession } from "./onnx-session";
import type { gramsOf } from "./words";

const MAX_BATCH_ROWS = 64;
const MAX_BATCH_TOKENS = 4096; // caps activation memory (peak RSS) on the 2-core box
const PAD_SLACK = 1.1; // measured on 300 corpus posts: 1.1 best of 1.1-1.5 (CPU per post 9.9 -> 8.0 ms with evidence)
// The word model's batches (its cost follows the n-grams read, so these only bound a batch's memory).
const WORD_BATCH_ROWS = 64;
const WORD_BATCH_STRINGS = 65_536;

/** Indices of `widths` in ascending width, cut into batches by `fits(count, width of the next, width of the first)`. */
function batchesByWidth(
  widths: number[],
  maxRows: number,
  fits: (rows: number, next: number, first: number) => boolean,
): number[][] {
  const order = widths.map((_, i) => i).sort((a, b) => widths[a]! - widths[b]!);
  const out: number[][] = [];
  for (let j = 0; j < order.length;) {
    let take = 1;
    while (j + take < order.length && take < maxRows && fits(take + 1, widths[order[j + take]!]!, widths[order[j]!]!))
      take++;
    out.push(order.slice(j, j + take));
    j += take;
  }
  return out;
}

/** Raw logits (k per row) for token sequences (each <= max_length), batched by length. */
export async function tokenLogits(
  session: OnnxWorkerSession,
  seqs: number[][],
  padId: number,
  k: number,
  urgent = false,
): Promise<number[][]> {
  const out: number[][] = new Array(seqs.length);
  const widths = seqs.map((s) => Math.max(1, s.length));
  const batches = batchesByWidth(
    widths,
    MAX_BATCH_ROWS,
    (rows, next, first) => rows * next <= MAX_BATCH_TOKENS && next <= PAD_SLACK * first,
  );
  await Promise.all(
    batches.map((idx) => {
      const Lb = Math.max(...idx.map((i) => widths[i]!));
      const ids = new BigInt64Array(idx.length * Lb).fill(BigInt(padId));
      const mask = new BigInt64Array(idx.length * Lb);
      idx.forEach((i, r) => {
        const s = seqs[i] ?? [];
        for (let t = 0; t < s.length; t++) {
          ids[r * Lb + t] = BigInt(s[t] as number);
          mask[r * Lb + t] = 1n;
        }
      });
      return session.run(ids, mask, [idx.length, Lb], urgent).then((data) => {
        idx.forEach((i, r) => (out[i] = Array.from(data.subarray(r * k, r * k + k))));
      });
    }),
  );
  return out;
}

/**
 * The word model's logits (k per row) for rows of n-grams (rows padded with "" and count 0; a batch ends where a row
 * is over twice as wide as its first, so a post's short evidence groups are not padded to the post's width).
 */
export async function gramLogits(
  session: OnnxWorkerSession,
  rows: ReturnType<typeof gramsOf>[],
  k: number,
): Promise<number[][]> {
  const out: number[][] = new Array(rows.length);
  const widths = rows.map((r) => Math.max(1, r.ngrams.length));
  const batches = batchesByWidth(
    widths,
    WORD_BATCH_ROWS,
    (n, next, first) => n * next <= WORD_BATCH_STRINGS && next <= 2 * first,
  );
  await Promise.all(
    batches.map((idx) => {
      const w = Math.max(...idx.map((i) => widths[i]!));
      const ngrams = new Array<string>(idx.length * w).fill("");
      const counts = new Float32Array(idx.length * w);
      idx.forEach((i, r) => {
        rows[i]!.ngrams.forEach((g, t) => (ngrams[r * w + t] = g));
        counts.set(rows[i]!.counts, r * w);
      });
      return session
        .runWords(ngrams, counts, [idx.length, w])
        .then((data) => idx.forEach((i, r) => (out[i] = Array.from(data.subarray(r * k, r * k + k)))));
    }),
  );
  return out;
}
