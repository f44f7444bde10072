/**
 * The anonymizer scored against the labelled sentences in test/anonymize/cases/*.jsonl (hand-written in the voice
 * of distressed posts; no real post is in them). An identifier counts as caught when every letter and digit of it
 * is inside a redaction, whatever placeholder it got; precision is the share of redactions that touch a labelled
 * identifier; meaning words (three letters or more, not a stop word, outside every identifier) kept is the share
 * left as written. Used by `npm run eval:anonymize` and by cases.test.ts, which holds the bars.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { findIdentifiers } from "@/lib/anonymize";

const CASES = path.join(process.cwd(), "test", "anonymize", "cases");
const Case = z.object({
  id: z.string(),
  text: z.string(),
  spans: z.array(z.object({ start: z.number().int(), end: z.number().int(), type: z.string() })),
});
export type LabelledCase = z.infer<typeof Case>;

/** The bars of issue 19. */
export const GROUPS: { name: string; types: string[]; bar: number }[] = [
  { name: "structured", types: ["email", "phone", "url", "handle", "ip", "ssn", "card", "record", "plate", "zip", "address"], bar: 0.99 },
  { name: "names, places, organisations", types: ["name", "place", "org"], bar: 0.95 },
  { name: "dates, ages 90+", types: ["date", "age"], bar: 0.98 },
];
export const PRECISION_BAR = 0.75;
export const KEPT_BAR = 0.95;
const STOP = new Set(
  "the and but for you your are was were with that this have has had not its it's i'm i've don't can't just what when who how all any she her him his they them their our out from into about than then there here because been being would could should will did does doing very too also only even still some such".split(" "),
);

/** The labelled cases, from every file (or those whose name starts with `only`: "holdout" for the held-out set). */
export function loadCases(only?: string): LabelledCase[] {
  return readdirSync(CASES)
    .filter((f) => f.endsWith(".jsonl") && (!only || f.startsWith(only)))
    .sort()
    .flatMap((f) => readFileSync(path.join(CASES, f), "utf8").split("\n").filter(Boolean).map((l) => Case.parse(JSON.parse(l))));
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

export function score(cases: LabelledCase[]) {
  const byType = new Map<string, { total: number; caught: number }>();
  let predicted = 0;
  let predictedRight = 0;
  let meaningWords = 0;
  let meaningKept = 0;
  const misses: string[] = [];
  const falseAlarms: string[] = [];
  for (const c of cases) {
    const { spans } = findIdentifiers(c.text);
    const covered = (i: number) => spans.some((s) => s.start <= i && i < s.end);
    for (const gold of c.spans) {
      const entry = byType.get(gold.type) ?? { total: 0, caught: 0 };
      entry.total++;
      let caught = true;
      for (let i = gold.start; i < gold.end; i++) if (/[\p{L}\p{N}]/u.test(c.text[i]!) && !covered(i)) caught = false;
      if (caught) entry.caught++;
      else misses.push(`${c.id} ${gold.type}: ${c.text.slice(gold.start, gold.end)}`);
      byType.set(gold.type, entry);
    }
    for (const s of spans) {
      predicted++;
      if (c.spans.some((g) => s.start < g.end && g.start < s.end)) predictedRight++;
      else falseAlarms.push(`${c.id} ${s.kind}: ${c.text.slice(s.start, s.end)}`);
    }
    for (const m of c.text.matchAll(/\p{L}[\p{L}'’]{2,}/gu)) {
      const start = m.index;
      const end = start + m[0].length;
      if (STOP.has(m[0].toLowerCase()) || c.spans.some((g) => start < g.end && g.start < end)) continue;
      meaningWords++;
      if (!spans.some((s) => start < s.end && s.start < end)) meaningKept++;
    }
  }
  const groups = GROUPS.map((g) => {
    const entries = g.types.map((t) => byType.get(t) ?? { total: 0, caught: 0 });
    const total = entries.reduce((n, e) => n + e.total, 0);
    const caught = entries.reduce((n, e) => n + e.caught, 0);
    return { name: g.name, total, caught, recall: ratio(caught, total), bar: g.bar, pass: ratio(caught, total) >= g.bar };
  });
  const precision = ratio(predictedRight, predicted);
  const kept = ratio(meaningKept, meaningWords);
  return {
    sentences: cases.length,
    withIdentifiers: cases.filter((c) => c.spans.length > 0).length,
    recall: Object.fromEntries([...byType].sort().map(([t, e]) => [t, { ...e, recall: ratio(e.caught, e.total) }])),
    groups,
    precision: { predicted, right: predictedRight, value: precision, bar: PRECISION_BAR, pass: precision >= PRECISION_BAR },
    meaningWordsKept: { words: meaningWords, kept: meaningKept, value: kept, bar: KEPT_BAR, pass: kept >= KEPT_BAR },
    misses,
    falseAlarms,
  };
}
