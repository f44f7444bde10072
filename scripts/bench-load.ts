/**
 * npm run bench:load [-- --duration 60 --warmup 15 --connections 50 --clinicians 10 --port 3300 --skip-build --isolated]
 * npm run bench:load -- --instances 2 [...]: two servers behind nginx, one stopped and one killed during the run
 * (scripts/bench-load/instances.ts); what follows is the single-instance bench.
 *
 * Builds and starts the production server on loopback against a fresh database on a real PostgreSQL server
 * (BENCH_DATABASE_URL or TEST_DATABASE_URL: a URL whose user may CREATE DATABASE), then drives it from this
 * process with autocannon. After `warmup` seconds of run 1's load, not measured (a cold server spends its first
 * seconds compiling hot code and opening database connections: about 57/s in its first 8 s, against 88-95/s after),
 * it measures:
 *   1. `connections` users doing the full self-check with consent as the page does it: POST /api/self-check with
 *      saveLater (the answer: classification, crisis help, resources, and a save receipt), then POST
 *      /api/self-check/save with the receipt (the anonymized case is written);
 *   2. a mixed run: self-checks plus `clinicians` signed-in clinicians paging the review queue.
 * Prints median and p95 latency of the classification answer (the bar), of the save and of the whole self-check,
 * requests/s, classifications/s, errors, and checks that every consented self-check answered "saved" is in the
 * database (by submission key) and that nothing else is.
 * --isolated builds in a hard-linked copy of the working tree, leaving the project's own .next alone;
 * --dir <folder> runs another prepared checkout (with --skip-build, its existing build).
 */
import { randomUUID } from "node:crypto";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import path from "node:path";
import { cpuPerRequest, cpuSnapshot } from "./lib/cpu-accounting";
import { addStaff, build, countCases, freshDatabase, log, migrate, productionEnv, signIn, startServer } from "./lib/harness";
import { copyProject, ROOT } from "./lib/project-copy";
import { benchInstances } from "./bench-load/instances";
import { adminUrl, args, clinicians, connections, duration, instances, port, warmup } from "./bench-load/options";
import { drive, posts, queueRequests, selfCheckRequests } from "./bench-load/requests";
import { newStats } from "./bench-load/stats";
import { summary } from "./bench-load/summary";

async function main() {
  const project = args.dir
    ? { dir: path.resolve(args.dir), remove: () => {} }
    : args.isolated
      ? copyProject("lantern-bench-", "working-tree")
      : { dir: ROOT, remove: () => {} };
  try {
    if (!args["skip-build"]) build(project.dir);
    if (instances > 1) return await benchInstances(project.dir);
    const databaseUrl = await freshDatabase(adminUrl!, "lantern_bench");
    migrate(project.dir, databaseUrl);
    const clinicianEmail = "bench-clinician@lantern.local";
    const password = addStaff(project.dir, databaseUrl, clinicianEmail, "clinician");
    const outboxDir = mkdtempSync(path.join(tmpdir(), "lantern-bench-outbox-"));

    const server = await startServer(
      project.dir,
      port,
      productionEnv({
        DATABASE_URL: databaseUrl,
        LANTERN_OUTBOX_DIR: outboxDir,
        // The bench measures capacity, not the abuse limits (those have their own tests).
        RATE_LIMIT_SELF_CHECK_MAX: "100000000",
        RATE_LIMIT_SAVE_MAX: "100000000",
        RATE_LIMIT_SAVE_GLOBAL_PER_MINUTE: "100000000",
        RATE_LIMIT_GENERATION_MAX: "100000000",
        RATE_LIMIT_GENERATION_GLOBAL_PER_MINUTE: "100000000",
        LLM_PROVIDER: "offline",
      }),
    );
    log(`server ready at ${server.url} (${posts.length} distinct posts)`);
    try {
      // Warm-up (model load, JIT, connection pool), not measured and not consented.
      for (let i = 0; i < 20; i++) {
        await fetch(`${server.url}/api/self-check`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ text: posts[i % posts.length], consent: false, submissionKey: randomUUID() }),
        });
      }

      // Then run 1's own load, not measured: its cases count in the consistency check below like any other.
      const warm = newStats(true);
      if (warmup > 0) {
        log(`warm-up: ${connections} users doing the self-check with consent for ${warmup} s (not measured)`);
        await drive(server.url, connections, selfCheckRequests(warm), warm, warmup);
        const rate = (counts: number[]) => (counts.reduce((a, b) => a + b, 0) / Math.max(1, counts.length)).toFixed(1);
        log(`warm-up: ${rate(warm.perSecond)} classifications/s; first half ${rate(warm.perSecond.slice(0, warm.perSecond.length >> 1))}/s, second half ${rate(warm.perSecond.slice(warm.perSecond.length >> 1))}/s`);
      }

      log(`run 1: ${connections} users doing the self-check with consent for ${duration} s`);
      const solo = newStats(true);
      const cpuBefore = cpuSnapshot(server.child.pid);
      await drive(server.url, connections, selfCheckRequests(solo), solo);
      const cpu = cpuPerRequest(cpuBefore, cpuSnapshot(server.child.pid), solo.latencies.length, cpus().length);

      log(`run 2: ${connections - clinicians} self-check users + ${clinicians} clinicians paging the queue for ${duration} s`);
      const cookie = await signIn(server.url, clinicianEmail, password);
      const pages = Math.max(1, Math.ceil(solo.saved.size / 25));
      const mixedChecks = newStats(true);
      const mixedQueue = newStats();
      await Promise.all([
        drive(server.url, connections - clinicians, selfCheckRequests(mixedChecks), mixedChecks),
        drive(server.url, clinicians, queueRequests(cookie, Math.min(pages, 40)), mixedQueue),
      ]);

      // Consistency: every "saved" answer is a case in the database, and every case was asked for. Cases the
      // server queued (its database calls timed out under load) are written by its outbox: wait for them.
      const allKeys = (kind: "saved" | "queued" | "sent" | "answered") => new Set([warm, solo, mixedChecks].flatMap((run) => [...run[kind]]));
      const saved = allKeys("saved");
      const queued = allKeys("queued");
      const drainStarted = Date.now();
      let inDb = await countCases(databaseUrl);
      while ([...queued].some((k) => !inDb.has(k)) && Date.now() - drainStarted < 180_000) {
        await new Promise((r) => setTimeout(r, 2_000));
        inDb = await countCases(databaseUrl);
      }
      const drainSeconds = Math.round((Date.now() - drainStarted) / 1000);
      const sent = allKeys("sent");
      const answered = allKeys("answered");
      const lost = [...saved].filter((k) => !inDb.has(k));
      const unexpected = [...inDb].filter((k) => !sent.has(k));
      const cutOff = [...inDb].filter((k) => !answered.has(k));
      const queuedNotYetSaved = [...queued].filter((k) => !inDb.has(k));

      const runs = [summary("self-check (50 users)", solo), summary("self-check (mixed)", mixedChecks), summary("review queue (mixed)", mixedQueue)];
      const consistency = {
        consentedSuccesses: saved.size,
        queuedDuringRun: queued.size,
        casesInDatabase: inDb.size,
        answersCutOffAtEndOfRun: cutOff.length,
        lost: lost.length,
        unexpected: unexpected.length,
        queuedNotYetSaved: queuedNotYetSaved.length,
        secondsToWriteQueued: drainSeconds,
      };
      const first = runs[0]!;
      const bars = [
        { bar: "p95 of the classification answer <= 300 ms at 50 users", value: `${first.p95Ms} ms`, pass: first.p95Ms <= 300 },
        { bar: ">= 100 classifications/s", value: `${first.classificationsPerSecond}/s`, pass: first.classificationsPerSecond >= 100 },
        {
          bar: "zero lost cases (saved answers missing, or queued cases still unwritten after 3 min)",
          value: `${lost.length + queuedNotYetSaved.length}`,
          pass: lost.length === 0 && unexpected.length === 0 && queuedNotYetSaved.length === 0,
        },
        {
          // A request in flight when a run ends is saved, but autocannon closes its connection before the answer is read.
          bar: "cases in DB = consented successes + queued + answers cut off at the end of a run",
          value: `${inDb.size} = ${saved.size} + ${queued.size - queuedNotYetSaved.length} + ${cutOff.length}`,
          pass: inDb.size === saved.size + (queued.size - queuedNotYetSaved.length) + cutOff.length,
        },
        { bar: "zero 5xx", value: String(runs.reduce((n, r) => n + r.fivexx, 0)), pass: runs.every((r) => r.fivexx === 0) },
      ];

      console.log("\n=== Lantern load bench ===");
      console.log(`machine: ${cpus().length} cores; duration ${duration} s per run after a ${warmup} s warm-up; database: PostgreSQL (fresh lantern_bench)`);
      console.table(runs.map((r) => ({ run: r.name, answers: r.requests, "classif./s": r.classificationsPerSecond, "median ms": r.medianMs, "p95 ms": r.p95Ms, "p99 ms": r.p99Ms, "5xx": r.fivexx, "non-2xx": r.non2xx, "conn. errors": r.connectionErrors })));
      console.log("(self-check runs: median/p95/p99 of the classification answer; the queue run: of each page)");
      console.table(runs.filter((r) => r.saves > 0).map((r) => ({ run: r.name, saves: r.saves, "save median ms": r.saveMedianMs, "save p95 ms": r.saveP95Ms, "whole self-check median ms": r.wholeMedianMs, "whole p95 ms": r.wholeP95Ms })));
      console.log("outcomes:", JSON.stringify(runs.map((r) => ({ [r.name]: r.outcomes }))));
      console.log("consistency:", JSON.stringify(consistency));
      if (cpu) {
        // Why the run stops where it does: CPU per self-check, by where it was spent, and the rate that cost allows.
        console.log(`CPU per self-check in run 1 (ms): ${JSON.stringify(cpu)}`);
      }
      console.table(bars.map((b) => ({ bar: b.bar, value: b.value, result: b.pass ? "PASS" : "FAIL" })));

      mkdirSync(path.join(ROOT, "test-results"), { recursive: true });
      writeFileSync(path.join(ROOT, "test-results", "bench-load.json"), JSON.stringify({ at: new Date().toISOString(), duration, warmup, warmupPerSecond: warm.perSecond, run1PerSecond: solo.perSecond, connections, clinicians, runs, consistency, cpu, bars }, null, 2));
      process.exitCode = bars.every((b) => b.pass) ? 0 : 1;
    } finally {
      await server.stop();
    }
  } finally {
    project.remove();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
