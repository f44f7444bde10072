/**
 * npm run bench:load [-- --duration 60 --warmup 15 --connections 50 --clinicians 10 --port 3300 --skip-build --isolated]
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
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { cpuPerRequest, cpuSnapshot } from "./lib/cpu-accounting";
import { addStaff, build, countCases, freshDatabase, log, migrate, percentile, productionEnv, signIn, startServer } from "./lib/harness";
import { loadPosts } from "./lib/posts";
import { copyProject, ROOT } from "./lib/project-copy";

const { values: args } = parseArgs({
  options: {
    duration: { type: "string", default: "60" },
    warmup: { type: "string", default: "15" },
    connections: { type: "string", default: "50" },
    clinicians: { type: "string", default: "10" },
    port: { type: "string", default: "3300" },
    "skip-build": { type: "boolean", default: false },
    isolated: { type: "boolean", default: false },
    // An already prepared project folder (e.g. a kept copy); with --skip-build, its .next is used as is.
    dir: { type: "string" },
  },
});
const duration = Number(args.duration);
const warmup = Number(args.warmup);
const connections = Number(args.connections);
const clinicians = Number(args.clinicians);
const port = Number(args.port);
if (!(duration > 0) || !(warmup >= 0) || !(connections >= 2) || !(clinicians >= 1 && clinicians < connections)) {
  console.error("--duration must be above 0, --warmup 0 or more, --connections at least 2, and --clinicians between 1 and connections - 1 (the mixed run needs both kinds of user).");
  process.exit(2);
}

const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (!adminUrl) {
  console.error("Set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to a PostgreSQL URL whose user may create databases, e.g.\n  BENCH_DATABASE_URL=postgresql://lantern:secret@127.0.0.1:5432/postgres npm run bench:load");
  process.exit(2);
}

interface RunStats {
  /** Self-check runs: the classification answer's latency; the queue run: each page's. */
  latencies: number[];
  saveLatencies: number[];
  /** From sending the self-check to the save's answer: what one person's whole self-check took. */
  cycleLatencies: number[];
  /** Self-check runs time their own requests (two kinds), so autocannon's per-response figures are not used. */
  ownTiming: boolean;
  statuses: Record<string, number>;
  sent: Set<string>;
  answered: Set<string>;
  saved: Set<string>;
  queued: Set<string>;
  outcomes: Record<string, number>;
  classified: number;
  /** Classifications answered in each second of the run. */
  perSecond: number[];
  errors: number;
  durationS: number;
}

const newStats = (ownTiming = false): RunStats => ({ latencies: [], saveLatencies: [], cycleLatencies: [], ownTiming, statuses: {}, sent: new Set(), answered: new Set(), saved: new Set(), queued: new Set(), outcomes: {}, classified: 0, perSecond: [], errors: 0, durationS: 0 });

const countStatus = (stats: RunStats, status: number) => (stats.statuses[status] = (stats.statuses[status] ?? 0) + 1);

const posts = loadPosts(ROOT);

function selfCheckRequests(stats: RunStats) {
  return [
    {
      method: "POST",
      path: "/api/self-check",
      headers: { "content-type": "application/json" },
      setupRequest: (req: Record<string, unknown>, ctx: Record<string, unknown>) => {
        const key = randomUUID();
        ctx.key = key;
        ctx.receipt = undefined;
        // Each connection is one person behind its own address (hashed by the app, never stored).
        ctx.ip ??= `100.${64 + Math.floor(Math.random() * 60)}.${Math.floor(Math.random() * 256)}.${Math.floor(Math.random() * 256)}`;
        stats.sent.add(key);
        const text = posts[Math.floor(Math.random() * posts.length)]!;
        ctx.startedAt = performance.now();
        return {
          ...req,
          headers: { "content-type": "application/json", "x-forwarded-for": ctx.ip as string },
          body: JSON.stringify({ text, consent: true, submissionKey: key, country: "US", saveLater: true }),
        };
      },
      onResponse: (status: number, body: string, ctx: Record<string, unknown>) => {
        stats.latencies.push(performance.now() - (ctx.startedAt as number));
        countStatus(stats, status);
        try {
          const result = JSON.parse(body) as { outcome?: string; textRead?: string; save?: { status?: string; receipt?: string } };
          stats.outcomes[result.outcome ?? "?"] = (stats.outcomes[result.outcome ?? "?"] ?? 0) + 1;
          if (result.outcome === "result") stats.classified++;
          if (status === 200 && result.save?.status === "pending") {
            ctx.receipt = result.save.receipt;
            ctx.textRead = result.textRead;
          } else stats.answered.add(ctx.key as string);
        } catch {
          stats.outcomes["unparseable"] = (stats.outcomes["unparseable"] ?? 0) + 1;
          stats.answered.add(ctx.key as string);
        }
      },
    },
    {
      method: "POST",
      path: "/api/self-check/save",
      headers: { "content-type": "application/json" },
      setupRequest: (req: Record<string, unknown>, ctx: Record<string, unknown>) => {
        ctx.saveStartedAt = performance.now();
        // autocannon sends every request of the sequence: with nothing to save (a refused post), a cheap health check
        if (!ctx.receipt) return { ...req, method: "GET", path: "/api/health", body: undefined };
        return {
          ...req,
          headers: { "content-type": "application/json", "x-forwarded-for": ctx.ip as string },
          body: JSON.stringify({ receipt: ctx.receipt, text: ctx.textRead }),
        };
      },
      onResponse: (status: number, body: string, ctx: Record<string, unknown>) => {
        if (!ctx.receipt) return;
        const now = performance.now();
        stats.saveLatencies.push(now - (ctx.saveStartedAt as number));
        stats.cycleLatencies.push(now - (ctx.startedAt as number));
        countStatus(stats, status);
        const key = ctx.key as string;
        stats.answered.add(key);
        try {
          const save = JSON.parse(body) as { status?: string };
          if (status === 200 && save.status === "saved") stats.saved.add(key);
          if (status === 200 && save.status === "queued") stats.queued.add(key);
        } catch {
          stats.outcomes["unparseable save"] = (stats.outcomes["unparseable save"] ?? 0) + 1;
        }
      },
    },
  ];
}

function queueRequests(cookie: string, pages: number) {
  return [
    {
      method: "GET",
      path: "/review",
      setupRequest: (req: Record<string, unknown>) => ({
        ...req,
        path: `/review?page=${1 + Math.floor(Math.random() * pages)}`,
        headers: { cookie },
      }),
    },
  ];
}

function drive(url: string, conns: number, requests: unknown[], stats: RunStats, seconds = duration): Promise<void> {
  return new Promise((resolve, reject) => {
    const instance = autocannon({ url, connections: conns, duration: seconds, timeout: 30, requests: requests as never });
    instance.on("response", (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      if (stats.ownTiming) return;
      stats.latencies.push(responseTime);
      countStatus(stats, statusCode);
    });
    instance.on("reqError", () => stats.errors++);
    let before = 0;
    instance.on("tick", () => {
      if (stats.perSecond.length >= seconds) return; // autocannon ticks once more as it stops
      stats.perSecond.push(stats.classified - before);
      before = stats.classified;
    });
    instance.on("error", reject);
    instance.on("done", (result: { duration: number; errors: number }) => {
      stats.durationS = result.duration;
      stats.errors = Math.max(stats.errors, result.errors);
      resolve();
    });
  });
}

const round = (ms: number) => Math.round(ms * 10) / 10;

function summary(name: string, s: RunStats) {
  const sorted = [...s.latencies].sort((a, b) => a - b);
  const saves = [...s.saveLatencies].sort((a, b) => a - b);
  const cycles = [...s.cycleLatencies].sort((a, b) => a - b);
  const total = sorted.length;
  const fivexx = Object.entries(s.statuses).filter(([code]) => Number(code) >= 500).reduce((n, [, c]) => n + c, 0);
  const non2xx = Object.entries(s.statuses).filter(([code]) => Number(code) < 200 || Number(code) >= 300).reduce((n, [, c]) => n + c, 0);
  return {
    name,
    requests: total,
    durationS: s.durationS,
    requestsPerSecond: +(total / s.durationS).toFixed(1),
    classificationsPerSecond: +(s.classified / s.durationS).toFixed(1),
    medianMs: round(percentile(sorted, 50)),
    p95Ms: round(percentile(sorted, 95)),
    p99Ms: round(percentile(sorted, 99)),
    maxMs: round(sorted.at(-1) ?? NaN),
    saves: saves.length,
    saveMedianMs: round(percentile(saves, 50)),
    saveP95Ms: round(percentile(saves, 95)),
    wholeMedianMs: round(percentile(cycles, 50)),
    wholeP95Ms: round(percentile(cycles, 95)),
    statuses: s.statuses,
    fivexx,
    non2xx,
    connectionErrors: s.errors,
    outcomes: s.outcomes,
  };
}

async function main() {
  const project = args.dir
    ? { dir: path.resolve(args.dir), remove: () => {} }
    : args.isolated
      ? copyProject("lantern-bench-", "working-tree")
      : { dir: ROOT, remove: () => {} };
  try {
    if (!args["skip-build"]) build(project.dir);
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
