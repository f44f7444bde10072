import { describe, expect, it } from "vitest";
import { auc, crisisRateBySource, ece, evaluate, percentile, predictClass, prf, recallAtNoneRate } from "./metrics";

const th = { depression: 0.5, anxiety: 0.5, bipolar: 0.5, suicidal: 0.5 };

describe("eval metrics against hand-computed values", () => {
  it("AUC with ties", () => {
    expect(auc([1, 1, 0, 0, 0], [0.9, 0.4, 0.5, 0.1, 0.4])).toBeCloseTo(4.5 / 6, 10);
    expect(auc([0, 0], [0.1, 0.2])).toBeNaN();
  });
  it("precision/recall/F1, 5-way prediction, ECE, percentile", () => {
    expect(prf([1, 1, 0, 0], [true, false, true, false])).toEqual({ precision: 0.5, recall: 0.5, f1: 0.5 });
    expect(predictClass([0.6, 0.7, 0.1, 0.1], th)).toBe(1);
    expect(predictClass([0.1, 0.2, 0.3, 0.2], th)).toBe(4);
    expect(ece([[1]], [[0.9]])).toBeCloseTo(0.1, 10);
    expect(percentile([1, 2, 3, 4], 50)).toBe(2.5);
  });
  it("tiny file: absent labels left out, F1/accuracy/crisis by hand", () => {
    // posts: depression, suicidal, none, none
    const Y = [[1, 0, 0, 0], [0, 0, 0, 1], [0, 0, 0, 0], [0, 0, 0, 0]];
    const cls = [0, 3, 4, 4];
    const P = [[0.9, 0.1, 0.1, 0.2], [0.2, 0.1, 0.1, 0.8], [0.1, 0.1, 0.1, 0.6], [0.1, 0.1, 0.1, 0.1]];
    const r = evaluate(Y, cls, P, th, 0.5, 200);
    expect(Object.keys(r.per_label).sort()).toEqual(["depression", "suicidal"]);
    expect(r.auc.value).toBe(1);
    expect(r.f1.value).toBeCloseTo(0.8333, 4); // depression 1.0, suicidal p .5 r 1 -> .6667
    expect(r.accuracy.value).toBe(0.75);
    expect(r.crisis).toEqual({ threshold: 0.5, suicidal_recall: 1, none_flagged_rate: 0.5, flagged_by_label: { depression: 0, suicidal: 1 } });
    // a separate crisis score: the threshold applies to it, not to p(suicidal)
    const k = evaluate(Y, cls, P, th, 0.5, 0, 1234, [0.7, 0.4, 0.1, 0.1]);
    expect(k.crisis).toEqual({ threshold: 0.5, suicidal_recall: 0, none_flagged_rate: 0, flagged_by_label: { depression: 1, suicidal: 0 } });
    expect(r.confusion.matrix[4]).toEqual([0, 0, 0, 1, 1]);
    expect(r.accuracy.ci_low).toBeLessThanOrEqual(0.75);
    expect(r.accuracy.ci_high).toBeGreaterThanOrEqual(0.75);
  });
  it("recall at a share of none posts flagged, by hand", () => {
    // 10 none posts scored 0.0-0.9; suicidal posts 0.95, 0.85, 0.5. At 10% none flagged the line sits above 0.8
    // (one none post, 0.9, is over it): 0.95 and 0.85 are caught. At 0%: above 0.9, only 0.95.
    const none = Array.from({ length: 10 }, (_, i) => i / 10);
    const p = [...none, 0.95, 0.85, 0.5];
    const cls = [...none.map(() => 4), 3, 3, 3];
    expect(recallAtNoneRate(p, cls, 0.1)).toBeCloseTo(2 / 3, 4);
    expect(recallAtNoneRate(p, cls, 0)).toBeCloseTo(1 / 3, 4);
    expect(recallAtNoneRate([0.5], [4], 0.05)).toBeNull();
  });
  it("crisis rate per source and label", () => {
    const r = crisisRateBySource([
      { source: "a", label: "none", crisis: true },
      { source: "a", label: "none", crisis: false },
      { source: "a", label: "suicidal", crisis: true },
      { source: "b", label: "none", crisis: false },
    ]);
    expect(r).toEqual({ a: { none: { n: 2, crisis_rate: 0.5 }, suicidal: { n: 1, crisis_rate: 1 } }, b: { none: { n: 1, crisis_rate: 0 } } });
  });
});
