/**
 * `npm run eval:anonymize [-- --json] [-- --misses] [-- --only holdout]`: recall per identifier type, precision and
 * meaning words kept on the labelled sentences of test/anonymize/cases (see test/anonymize/score.ts for how each is
 * counted). `--only holdout`: only the held-out files, written after the rules were tuned. `--misses` prints the
 * missed identifiers and the false alarms (the labelled sentences are written for the eval; no post text).
 * Exits 1 when a bar of issue 19 is missed.
 */
import { loadCases, score } from "@/test/anonymize/score";

const argv = process.argv.slice(2);
const only = argv.includes("--only") ? argv[argv.indexOf("--only") + 1] : undefined;
const result = score(loadCases(only));
const { misses, falseAlarms, ...summary } = result;

if (argv.includes("--json")) console.log(JSON.stringify(summary, null, 2));
else {
  const f = (x: number) => x.toFixed(3);
  const ok = (pass: boolean) => (pass ? "ok" : "MISSED");
  console.log(`${summary.sentences} sentences, ${summary.withIdentifiers} with identifiers\n`);
  console.log("| type | identifiers | caught | recall |\n|---|---|---|---|");
  for (const [t, e] of Object.entries(summary.recall)) console.log(`| ${t} | ${e.total} | ${e.caught} | ${f(e.recall)} |`);
  console.log("\n| measure | value | bar |\n|---|---|---|");
  for (const g of summary.groups) console.log(`| recall: ${g.name} | ${f(g.recall)} (${g.caught}/${g.total}) | >= ${g.bar} ${ok(g.pass)} |`);
  const p = summary.precision;
  console.log(`| precision | ${f(p.value)} (${p.right}/${p.predicted}) | >= ${p.bar} ${ok(p.pass)} |`);
  const k = summary.meaningWordsKept;
  console.log(`| meaning words kept | ${f(k.value)} (${k.kept}/${k.words}) | >= ${k.bar} ${ok(k.pass)} |`);
  if (argv.includes("--misses")) console.log(`\nmissed:\n${misses.join("\n")}\n\nfalse alarms:\n${falseAlarms.join("\n")}`);
}
const pass = summary.groups.every((g) => g.pass) && summary.precision.pass && summary.meaningWordsKept.pass;
process.exitCode = pass ? 0 : 1;
