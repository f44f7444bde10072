/**
 * npm run eval:evidence -- <file.jsonl> [--limit N] [--candidates N] [--json]
 * The shipped evidence (the word model picks the groups the full model scores; --candidates N tries another number
 * of them than the shipped EVIDENCE_CANDIDATES) against scoring every group with the
 * full model, on the posts the page shows evidence for (elevated or crisis): how often the top sentence and the set
 * of three shown are the same, and what share of the groups the full model scored; and how many sentences shown
 * start or end inside a word (UAX #29 word boundaries).
 */
import fs from "node:fs";
import { Classifier, sanitize } from "../lib/classifier/core";
import { wordBoundaries } from "../lib/text/word-boundaries";

const args = process.argv.slice(2);
const opt = (k: string) => {
  const i = args.indexOf(k);
  return i >= 0 ? args[i + 1] : undefined;
};
const file = args.find((a, i) => !a.startsWith("--") && args[i - 1] !== "--limit" && args[i - 1] !== "--candidates");
if (!file || !fs.existsSync(file)) {
  console.error("usage: npm run eval:evidence -- <file.jsonl> [--limit N] [--json]");
  process.exit(2);
}
const limit = Number(opt("--limit") ?? Infinity);
const candidates = opt("--candidates") === undefined ? undefined : Number(opt("--candidates"));
const texts = fs
  .readFileSync(file, "utf8")
  .split("\n")
  .filter((l) => l.trim())
  .map((l) => (JSON.parse(l) as { text?: unknown }).text)
  .filter((t): t is string => typeof t === "string")
  .slice(0, limit);

const clf = await Classifier.load();
let shown = 0;
let sameTop = 0;
let sameThree = 0;
let weightGap = 0;
let sentencesShown = 0;
let cutWords = 0;
const t0 = performance.now();
for (let i = 0; i < texts.length; i += 64) {
  const batch = texts.slice(i, i + 64);
  const [shipped, every] = await Promise.all([
    clf.classifyBatch(batch, { explain: "concerns", evidenceCandidates: candidates }),
    clf.classifyBatch(batch, { explain: "concerns", evidenceCandidates: Infinity }),
  ]);
  shipped.forEach((r, j) => {
    const all = every[j]!.evidence;
    if (r.tier === "low" || all.length === 0) return;
    shown++;
    if (r.evidence[0]?.start === all[0]?.start) sameTop++;
    const three = new Set(all.map((e) => e.start));
    if (r.evidence.length === all.length && r.evidence.every((e) => three.has(e.start))) sameThree++;
    // The weights shown are the full model's, so a group in both lists has the same weight; this sums what the
    // third place lost where the lists differ.
    weightGap += all.reduce((n, e) => n + e.weight, 0) - r.evidence.reduce((n, e) => n + e.weight, 0);
    const boundaries = new Set(wordBoundaries(sanitize(batch[j]!)));
    sentencesShown += r.evidence.length;
    cutWords += r.evidence.filter((e) => !boundaries.has(e.start) || !boundaries.has(e.end)).length;
  });
}
const out = {
  file,
  candidates: candidates ?? "shipped",
  posts: texts.length,
  withEvidence: shown,
  sameTopSentence: +(sameTop / shown).toFixed(4),
  sameThreeSentences: +(sameThree / shown).toFixed(4),
  meanWeightLost: +(weightGap / shown).toFixed(5),
  sentencesShown,
  sentencesCuttingAWord: cutWords,
  seconds: Math.round((performance.now() - t0) / 100) / 10,
};
if (args.includes("--json")) console.log(JSON.stringify(out));
else console.log(out);
process.exit(0);
