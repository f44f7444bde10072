/**
 * Evaluation metrics, mirroring training/metrics.py (same definitions, same AUC with
 * average ranks for ties, same 15-bin pooled ECE, percentile bootstrap with linear
 * interpolation). Bootstrap resamples use a seeded PRNG, so CIs match Python's only
 * approximately; point estimates match exactly on the same probabilities.
 */
import { LABELS, type Label } from "./types";

export const CLASSES = [...LABELS, "none"] as const;
export type ClassName = (typeof CLASSES)[number];

export function auc(y: ArrayLike<number>, s: ArrayLike<number>): number {
  const n = y.length;
  let npos = 0;
  for (let i = 0; i < n; i++) npos += y[i] ? 1 : 0;
  const nneg = n - npos;
  if (npos === 0 || nneg === 0) return NaN;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (s[a] as number) - (s[b] as number) || a - b);
  let rankSum = 0;
  for (let a = 0; a < n; ) {
    let b = a + 1;
    while (b < n && s[order[b] as number] === s[order[a] as number]) b++;
    const r = (a + b + 1) / 2;
    for (let t = a; t < b; t++) if (y[order[t] as number]) rankSum += r;
    a = b;
  }
  return (rankSum - (npos * (npos + 1)) / 2) / (npos * nneg);
}

export function prf(y: ArrayLike<number>, pred: ArrayLike<boolean>): { precision: number; recall: number; f1: number } {
  let tp = 0, fp = 0, fn = 0;
  for (let i = 0; i < y.length; i++) {
    if (pred[i] && y[i]) tp++;
    else if (pred[i]) fp++;
    else if (y[i]) fn++;
  }
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

/** 0..3 = condition, 4 = none: highest probability among conditions at/above threshold. */
export function predictClass(p: number[], th: Record<Label, number>): number {
  let best = -1, bp = -1;
  LABELS.forEach((l, k) => {
    const v = p[k] as number;
    if (v >= th[l] && v > bp) {
      best = k;
      bp = v;
    }
  });
  return best < 0 ? LABELS.length : best;
}

export function ece(Y: number[][], P: number[][], bins = 15): number {
  const cnt = new Array(bins).fill(0), sp = new Array(bins).fill(0), sy = new Array(bins).fill(0);
  let n = 0;
  Y.forEach((row, i) =>
    row.forEach((y, k) => {
      const p = (P[i] as number[])[k] as number;
      const b = Math.min(Math.floor(p * bins), bins - 1);
      cnt[b]++;
      sp[b] += p;
      sy[b] += y;
      n++;
    }),
  );
  let e = 0;
  for (let b = 0; b < bins; b++) if (cnt[b]) e += (cnt[b] / n) * Math.abs(sp[b] / cnt[b] - sy[b] / cnt[b]);
  return e;
}

const col = (M: number[][], k: number) => M.map((r) => r[k] as number);

export function presentLabels(Y: number[][]): number[] {
  return LABELS.map((_, k) => k).filter((k) => {
    const pos = Y.reduce((a, r) => a + (r[k] as number), 0);
    return pos > 0 && pos < Y.length;
  });
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);

export function pointMetrics(Y: number[][], cls: number[], P: number[][], th: Record<Label, number>): [number, number, number] {
  const ks = presentLabels(Y);
  const aucs = ks.map((k) => auc(col(Y, k), col(P, k)));
  const f1s = ks.map((k) => prf(col(Y, k), col(P, k).map((v) => v >= th[LABELS[k] as Label])).f1);
  let ok = 0;
  P.forEach((p, i) => (ok += predictClass(p, th) === cls[i] ? 1 : 0));
  return [mean(aucs), mean(f1s), cls.length ? ok / cls.length : NaN];
}

function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** numpy.percentile (linear interpolation), ignoring NaN. */
export function percentile(xs: number[], q: number): number {
  const s = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const pos = ((s.length - 1) * q) / 100;
  const lo = Math.floor(pos), hi = Math.ceil(pos);
  return (s[lo] as number) + ((s[hi] as number) - (s[lo] as number)) * (pos - lo);
}

export interface Stat { value: number | null; ci_low: number | null; ci_high: number | null }
export interface EvalResult {
  n: number;
  auc: Stat; f1: Stat; accuracy: Stat;
  per_label: Partial<Record<Label, { auc: number; f1: number; precision: number; recall: number }>>;
  confusion: { classes: readonly string[]; matrix: number[][] };
  ece: number;
  crisis: { threshold: number; suicidal_recall: number | null; none_flagged_rate: number | null; flagged_by_label: Partial<Record<Label, number | null>> };
}

const r4 = (x: number): number | null => (Number.isFinite(x) ? Math.round(x * 1e4) / 1e4 : null);

/** crisisScores: the score the crisis threshold applies to, per post (default p(suicidal)). */
export function evaluate(Y: number[][], cls: number[], P: number[][], th: Record<Label, number>, crisisThreshold: number, nBoot = 1000, seed = 1234, crisisScores?: number[]): EvalResult {
  const point = pointMetrics(Y, cls, P, th);
  const boots: [number, number, number][] = [];
  const rnd = mulberry32(seed);
  const n = Y.length;
  for (let b = 0; b < nBoot && n > 0; b++) {
    const idx = Array.from({ length: n }, () => Math.floor(rnd() * n));
    boots.push(pointMetrics(idx.map((i) => Y[i] as number[]), idx.map((i) => cls[i] as number), idx.map((i) => P[i] as number[]), th));
  }
  const stat = (j: number): Stat => ({
    value: r4(point[j] as number),
    ci_low: r4(percentile(boots.map((x) => x[j] as number), 2.5)),
    ci_high: r4(percentile(boots.map((x) => x[j] as number), 97.5)),
  });
  const per_label: EvalResult["per_label"] = {};
  for (const k of presentLabels(Y)) {
    const l = LABELS[k] as Label;
    const m = prf(col(Y, k), col(P, k).map((v) => v >= th[l]));
    per_label[l] = { auc: r4(auc(col(Y, k), col(P, k))) ?? NaN, f1: r4(m.f1) ?? 0, precision: r4(m.precision) ?? 0, recall: r4(m.recall) ?? 0 };
  }
  const matrix = CLASSES.map(() => CLASSES.map(() => 0));
  P.forEach((p, i) => {
    const row = matrix[cls[i] as number] as number[];
    const c = predictClass(p, th);
    row[c] = (row[c] ?? 0) + 1;
  });
  const s = LABELS.indexOf("suicidal");
  const score = crisisScores ?? P.map((p) => p[s] as number);
  const flagged = (want: number) => {
    const rows = score.filter((_, i) => cls[i] === want);
    return rows.length ? r4(rows.filter((v) => v >= crisisThreshold).length / rows.length) : null;
  };
  // how often the crisis tier fires on each condition's posts: what its recall costs the others
  const flagged_by_label = Object.fromEntries(LABELS.flatMap((l, k) => (cls.includes(k) ? [[l, flagged(k)]] : [])));
  return {
    n, auc: stat(0), f1: stat(1), accuracy: stat(2), per_label,
    confusion: { classes: CLASSES, matrix },
    ece: r4(ece(Y, P)) ?? NaN,
    crisis: { threshold: crisisThreshold, suicidal_recall: flagged(s), none_flagged_rate: flagged(LABELS.length), flagged_by_label },
  };
}

/**
 * The share of suicidal posts caught at the threshold that flags at most `rate` of none posts (the lowest such
 * threshold, as training/metrics.py crisis_threshold picks it): how well the crisis score separates the two,
 * whatever threshold is served. null when either class is absent.
 */
export function recallAtNoneRate(pSuicidal: number[], cls: number[], rate: number): number | null {
  const s = LABELS.indexOf("suicidal");
  const none = pSuicidal.filter((_, i) => cls[i] === LABELS.length).sort((a, b) => b - a);
  const sui = pSuicidal.filter((_, i) => cls[i] === s);
  if (!none.length || !sui.length) return null;
  const k = Math.floor(rate * none.length);
  // flag strictly above the (k+1)-th highest none score
  const t = k < none.length ? (none[k] as number) : -Infinity;
  return r4(sui.filter((p) => p > t).length / sui.length);
}

/** Per source, then per label: the share of posts shown the crisis tier. */
export function crisisRateBySource(rows: { source: string; label: string; crisis: boolean }[]): Record<string, Record<string, { n: number; crisis_rate: number | null }>> {
  const out: Record<string, Record<string, { n: number; flagged: number }>> = {};
  for (const r of rows) {
    const cell = ((out[r.source] ??= {})[r.label] ??= { n: 0, flagged: 0 });
    cell.n++;
    if (r.crisis) cell.flagged++;
  }
  return Object.fromEntries(
    Object.entries(out).map(([source, labels]) => [source, Object.fromEntries(Object.entries(labels).map(([l, c]) => [l, { n: c.n, crisis_rate: r4(c.flagged / c.n) }]))]),
  );
}
