/**
 * npx tsx scripts/security-figures.ts
 * Writes the last bench and drill results (test-results/bench-load.json, test-results/drill.json) into
 * docs/security.md between their markers, so the README shows measured figures, not claims.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const readmePath = path.join(root, "docs", "security.md");
let readme = readFileSync(readmePath, "utf8");

function replace(marker: string, body: string) {
  const re = new RegExp(`(<!-- ${marker}:start -->\\n)[\\s\\S]*?(\\n<!-- ${marker}:end -->)`);
  readme = readme.replace(re, `$1${body}$2`);
}

const benchFile = path.join(root, "test-results", "bench-load.json");
if (existsSync(benchFile)) {
  const b = JSON.parse(readFileSync(benchFile, "utf8"));
  const rows = b.runs.map(
    (r: Record<string, number | string>) =>
      `| ${r.name} | ${r.requests} | ${r.requestsPerSecond} | ${r.classificationsPerSecond} | ${r.medianMs} | ${r.p95Ms} | ${r.p99Ms} | ${r.fivexx} | ${r.non2xx} | ${r.connectionErrors} |`,
  );
  const bars = b.bars.map((x: { bar: string; value: string; pass: boolean }) => `| ${x.bar} | ${x.value} | ${x.pass ? "PASS" : "FAIL"} |`);
  const c = b.consistency;
  replace(
    "bench",
    [
      `Last run: ${b.at.slice(0, 16).replace("T", " ")} UTC, ${b.duration} s per run${b.warmup ? ` after a ${b.warmup} s warm-up` : ""}, ${b.connections} connections (${b.clinicians} clinicians in the mixed run), this 2-core machine.`,
      "",
      "Self-check runs: latency of the classification answer; the queue run: of each page.",
      "",
      "| Run | Answers | Answers/s | Classifications/s | Median ms | p95 ms | p99 ms | 5xx | Non-2xx | Connection errors |",
      "|---|---|---|---|---|---|---|---|---|---|",
      ...rows,
      "",
      "The save that follows each consented answer, and the whole self-check (answer + save):",
      "",
      "| Run | Saves | Save median ms | Save p95 ms | Whole median ms | Whole p95 ms |",
      "|---|---|---|---|---|---|",
      ...b.runs.filter((r: { saves?: number }) => (r.saves ?? 0) > 0).map(
        (r: Record<string, number | string>) => `| ${r.name} | ${r.saves} | ${r.saveMedianMs} | ${r.saveP95Ms} | ${r.wholeMedianMs} | ${r.wholeP95Ms} |`,
      ),
      "",
      ...(b.cpu ? [`CPU per self-check in run 1 (ms): main thread ${b.cpu.serverMainThreadMs}, other server threads ${b.cpu.serverOtherThreadsMs}, PostgreSQL ${b.cpu.postgresMs}, load driver ${b.cpu.loadDriverMs}; total ${b.cpu.totalMs}; CPU-bound ceiling ${b.cpu.cpuBoundCeilingPerSecond}/s.`, ""] : []),
      `Consistency: ${c.consentedSuccesses} consented self-checks answered "saved", ${c.queuedDuringRun} queued, ${c.answersCutOffAtEndOfRun} saved but cut off by the end of a run; ${c.casesInDatabase} cases in the database; lost ${c.lost}, unexpected ${c.unexpected}.`,
      "",
      "| Bar | Measured | Result |",
      "|---|---|---|",
      ...bars,
    ].join("\n"),
  );
}

const drillFile = path.join(root, "test-results", "drill.json");
if (existsSync(drillFile)) {
  const d = JSON.parse(readFileSync(drillFile, "utf8"));
  const rows = d.results.map((r: Record<string, string>) => `| ${r.scenario} | ${r.check} | ${r.result} | ${(r.detail ?? "").replace(/\|/g, "/")} |`);
  replace("drill", [`Last run: ${d.at.slice(0, 16).replace("T", " ")} UTC${d.note ? ` (${d.note})` : ""}. ${d.results.filter((r: Record<string, string>) => r.result === "PASS").length} of ${d.results.length} checks pass.`, "", "| Drill | Check | Result | Detail |", "|---|---|---|---|", ...rows].join("\n"));
}

writeFileSync(readmePath, readme);
console.log("docs/security.md updated");
