/**
 * npm run eval -- <file.jsonl> [--json] [--model <dir>] [--boot N]
 * Runs the production TypeScript pipeline (lib/classifier core) on a JSONL file in the corpus
 * format ({text, label}) and prints the paper's table with bootstrap 95% CIs, per-condition
 * metrics, the 5-way confusion matrix, calibration error and crisis-tier figures.
 */
import fs from "node:fs";
import { Classifier } from "../lib/classifier/core";
import { CLASSES, evaluate } from "../lib/classifier/metrics";
import { LABELS, ModelLoadError } from "../lib/classifier/types";

function usage(msg?: string): never {
  if (msg) console.error(msg);
  console.error("usage: npm run eval -- <file.jsonl> [--json] [--model <dir>] [--boot N]");
  process.exit(2);
}

async function main() {
  const args = process.argv.slice(2);
  const json = args.includes("--json");
  const opt = (k: string) => {
    const i = args.indexOf(k);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const modelDir = opt("--model");
  const nBoot = Number(opt("--boot") ?? 1000);
  const file = args.find((a, i) => !a.startsWith("--") && !["--model", "--boot"].includes(args[i - 1] ?? ""));
  if (!file) usage();
  if (!fs.existsSync(file)) usage(`no such file: ${file}`);
  const rows = fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l, i) => {
      try {
        return JSON.parse(l) as { text?: unknown; label?: unknown };
      } catch {
        usage(`${file}:${i + 1}: not JSON`);
      }
    });
  const bad = rows.findIndex((r) => typeof r.text !== "string" || !CLASSES.includes(r.label as never));
  if (bad >= 0) usage(`${file}:${bad + 1}: needs "text" and "label" in ${CLASSES.join("|")}`);
  let clf: Classifier;
  try {
    clf = await Classifier.load({ modelDir });
  } catch (e) {
    if (e instanceof ModelLoadError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
  const t0 = performance.now();
  const P: number[][] = [];
  for (let i = 0; i < rows.length; i += 256) {
    const res = await clf.classifyBatch(rows.slice(i, i + 256).map((r) => r.text as string), { explain: false });
    for (const r of res) P.push(LABELS.map((l) => r.probabilities[l]));
  }
  const secs = (performance.now() - t0) / 1000;
  const Y = rows.map((r) => LABELS.map((l) => (r.label === l ? 1 : 0)));
  const cls = rows.map((r) => CLASSES.indexOf(r.label as never));
  const res = evaluate(Y, cls, P, clf.config.thresholds, clf.config.crisis_threshold, nBoot);
  const model = { name: clf.config.name, version: clf.config.version };
  if (json) {
    console.log(JSON.stringify({ ...res, model, file, seconds: Math.round(secs * 10) / 10 }));
    return;
  }
  const f = (x: number | null) => (x === null ? "  n/a" : x.toFixed(3));
  const s = (k: "auc" | "f1" | "accuracy") => `${f(res[k].value)} (${f(res[k].ci_low)}-${f(res[k].ci_high)})`;
  console.log(`${model.name} ${model.version} on ${file} (n=${res.n}, ${secs.toFixed(1)} s)\n`);
  console.log("| ROC-AUC (macro) | F1 (macro) | Accuracy (5-way) |\n|---|---|---|");
  console.log(`| ${s("auc")} | ${s("f1")} | ${s("accuracy")} |\n`);
  console.log("| condition | AUC | F1 | precision | recall |\n|---|---|---|---|---|");
  for (const [l, m] of Object.entries(res.per_label)) console.log(`| ${l} | ${f(m.auc)} | ${f(m.f1)} | ${f(m.precision)} | ${f(m.recall)} |`);
  console.log(`\nconfusion (rows true, cols predicted): ${CLASSES.join(", ")}`);
  res.confusion.matrix.forEach((row, i) => console.log(`${(CLASSES[i] as string).padEnd(11)} ${row.map((v) => String(v).padStart(6)).join("")}`));
  console.log(`\nECE (15 bins, pooled over conditions): ${f(res.ece)}`);
  console.log(`crisis tier (p(suicidal) >= ${res.crisis.threshold.toFixed(4)}): suicidal recall ${f(res.crisis.suicidal_recall)}, none flagged ${f(res.crisis.none_flagged_rate)}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
