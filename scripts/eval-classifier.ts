/**
 * npm run eval -- <file.jsonl> [--json] [--predictions OUT.jsonl] [--members OUT.jsonl] [--model <dir>] [--boot N]
 * Runs the production TypeScript pipeline (lib/classifier core) on a JSONL file in the corpus format
 * ({id?, text, label, source?}) and prints the paper's table with bootstrap 95% CIs, per-condition metrics, the
 * 5-way confusion matrix, calibration error and crisis-tier figures: the model's (its crisis score at the crisis
 * threshold, with the share of each condition's posts flagged) and the served tier's (the model's raised by the
 * explicit crisis words, what a person is shown).
 * --json adds crisis.recall_at_none_5pct / _10pct and, when rows carry `source`, per_source (served crisis rate per
 * source and label). --predictions writes one line per post: {id, label, probabilities, crisis_score, tier}
 * (served tier). --members writes one line per post with each member's logits before they are combined:
 * {id, label, source, ensemble, word} (what training/ceiling.py reads).
 */
import fs from "node:fs";
import { Classifier } from "../lib/classifier/core";
import { servedTier } from "../lib/classifier/crisis-words";
import { CLASSES, crisisRateBySource, evaluate, recallAtNoneRate } from "../lib/classifier/metrics";
import { LABELS, ModelLoadError, type Label, type Tier } from "../lib/classifier/types";

const VALUE_FLAGS = ["--model", "--boot", "--predictions", "--members"];

function usage(msg?: string): never {
  if (msg) console.error(msg);
  console.error("usage: npm run eval -- <file.jsonl> [--json] [--predictions OUT.jsonl] [--members OUT.jsonl] [--model <dir>] [--boot N]");
  process.exit(2);
}

interface Row { id?: unknown; text?: unknown; label?: unknown; source?: unknown }

function readRows(file: string): Row[] {
  const rows = fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l, i) => {
      try {
        return JSON.parse(l) as Row;
      } catch {
        usage(`${file}:${i + 1}: not JSON`);
      }
    });
  const bad = rows.findIndex((r) => typeof r.text !== "string" || !CLASSES.includes(r.label as never));
  if (bad >= 0) usage(`${file}:${bad + 1}: needs "text" and "label" in ${CLASSES.join("|")}`);
  return rows;
}

async function main() {
  const args = process.argv.slice(2);
  const json = args.includes("--json");
  const opt = (k: string) => {
    const i = args.indexOf(k);
    return i >= 0 ? args[i + 1] : undefined;
  };
  for (const k of VALUE_FLAGS) if (args.includes(k) && !opt(k)) usage(`${k} needs a value`);
  const nBoot = Number(opt("--boot") ?? 1000);
  if (!Number.isInteger(nBoot) || nBoot < 0) usage("--boot must be a whole number");
  const predictionsOut = opt("--predictions");
  const membersOut = opt("--members");
  const file = args.find((a, i) => !a.startsWith("--") && !VALUE_FLAGS.includes(args[i - 1] ?? ""));
  if (!file) usage();
  if (!fs.existsSync(file)) usage(`no such file: ${file}`);
  const rows = readRows(file);
  let clf: Classifier;
  try {
    clf = await Classifier.load({ modelDir: opt("--model") });
  } catch (e) {
    if (e instanceof ModelLoadError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
  const t0 = performance.now();
  const P: number[][] = [];
  const crisisScores: number[] = [];
  const tiers: Tier[] = [];
  for (let i = 0; i < rows.length; i += 256) {
    const batch = rows.slice(i, i + 256).map((r) => r.text as string);
    const res = await clf.classifyBatch(batch, { explain: false });
    res.forEach((r, j) => {
      P.push(LABELS.map((l) => r.probabilities[l]));
      crisisScores.push(r.crisisScore);
      tiers.push(servedTier(r, batch[j] as string).tier);
    });
  }
  const secs = (performance.now() - t0) / 1000;
  const Y = rows.map((r) => LABELS.map((l) => (r.label === l ? 1 : 0)));
  const cls = rows.map((r) => CLASSES.indexOf(r.label as never));
  const res = evaluate(Y, cls, P, clf.config.thresholds, clf.config.crisis_threshold, nBoot, 1234, crisisScores);
  const s = LABELS.indexOf("suicidal");
  const servedRate = (want: number) => {
    const idx = cls.flatMap((c, i) => (c === want ? [i] : []));
    return idx.length ? Math.round((idx.filter((i) => tiers[i] === "crisis").length / idx.length) * 1e4) / 1e4 : null;
  };
  const crisis = {
    ...res.crisis,
    served: { suicidal_recall: servedRate(s), none_flagged_rate: servedRate(LABELS.length) },
    recall_at_none_5pct: recallAtNoneRate(crisisScores, cls, 0.05),
    recall_at_none_10pct: recallAtNoneRate(crisisScores, cls, 0.1),
  };
  const withSource = rows.every((r) => typeof r.source === "string");
  const perSource = withSource ? crisisRateBySource(rows.map((r, i) => ({ source: r.source as string, label: r.label as string, crisis: tiers[i] === "crisis" }))) : undefined;

  if (predictionsOut) {
    const lines = rows.map((r, i) => {
      const probabilities = Object.fromEntries(LABELS.map((l, k) => [l, P[i]![k]])) as Record<Label, number>;
      return JSON.stringify({ id: r.id ?? String(i), label: r.label, probabilities, crisis_score: crisisScores[i], tier: tiers[i] });
    });
    fs.writeFileSync(predictionsOut, lines.join("\n") + "\n");
  }
  if (membersOut) {
    const lines: string[] = [];
    for (let i = 0; i < rows.length; i += 256) {
      const members = await clf.memberLogits(rows.slice(i, i + 256).map((r) => r.text as string));
      members.forEach((m, j) => {
        const r = rows[i + j]!;
        lines.push(JSON.stringify({ id: r.id ?? String(i + j), label: r.label, source: r.source ?? null, ...m }));
      });
    }
    fs.writeFileSync(membersOut, lines.join("\n") + "\n");
  }
  const model = { name: clf.config.name, version: clf.config.version };
  if (json) {
    console.log(JSON.stringify({ ...res, crisis, ...(perSource ? { per_source: perSource } : {}), model, file, seconds: Math.round(secs * 10) / 10 }));
    return;
  }
  printTable(res, crisis, perSource, model, file, secs);
}

function printTable(
  res: ReturnType<typeof evaluate>,
  crisis: { threshold: number; suicidal_recall: number | null; none_flagged_rate: number | null; served: { suicidal_recall: number | null; none_flagged_rate: number | null }; recall_at_none_5pct: number | null; recall_at_none_10pct: number | null },
  perSource: ReturnType<typeof crisisRateBySource> | undefined,
  model: { name: string; version: string },
  file: string,
  secs: number,
) {
  const f = (x: number | null | undefined) => (x === null || x === undefined ? "  n/a" : x.toFixed(3));
  const s = (k: "auc" | "f1" | "accuracy") => `${f(res[k].value)} (${f(res[k].ci_low)}-${f(res[k].ci_high)})`;
  console.log(`${model.name} ${model.version} on ${file} (n=${res.n}, ${secs.toFixed(1)} s)\n`);
  console.log("| ROC-AUC (macro) | F1 (macro) | Accuracy (5-way) |\n|---|---|---|");
  console.log(`| ${s("auc")} | ${s("f1")} | ${s("accuracy")} |\n`);
  console.log("| condition | AUC | F1 | precision | recall |\n|---|---|---|---|---|");
  for (const [l, m] of Object.entries(res.per_label)) console.log(`| ${l} | ${f(m.auc)} | ${f(m.f1)} | ${f(m.precision)} | ${f(m.recall)} |`);
  console.log(`\nconfusion (rows true, cols predicted): ${CLASSES.join(", ")}`);
  res.confusion.matrix.forEach((row, i) => console.log(`${(CLASSES[i] as string).padEnd(11)} ${row.map((v) => String(v).padStart(6)).join("")}`));
  console.log(`\nECE (15 bins, pooled over conditions): ${f(res.ece)}`);
  console.log(`crisis tier, model (crisis score >= ${crisis.threshold.toFixed(4)}): suicidal recall ${f(crisis.suicidal_recall)}, none flagged ${f(crisis.none_flagged_rate)}`);
  console.log(`  share of each condition's posts in the crisis tier: ${Object.entries(res.crisis.flagged_by_label).map(([l, v]) => `${l} ${f(v)}`).join(", ")}`);
  console.log(`crisis tier, served (model or explicit crisis words): suicidal recall ${f(crisis.served.suicidal_recall)}, none flagged ${f(crisis.served.none_flagged_rate)}`);
  console.log(`suicidal recall at 5% / 10% of none posts flagged: ${f(crisis.recall_at_none_5pct)} / ${f(crisis.recall_at_none_10pct)}`);
  if (perSource) {
    console.log("\nserved crisis rate per source (none | suicidal):");
    for (const [src, labels] of Object.entries(perSource)) {
      const cell = (l: string) => (labels[l] ? `${f(labels[l]!.crisis_rate)} of ${labels[l]!.n}` : "-");
      console.log(`  ${src.padEnd(28)} ${cell("none").padEnd(16)} | ${cell("suicidal")}`);
    }
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
