/**
 * npm run bench:load -- --instances 2 [--connections 20 --duration 90 --warmup 15 --port 3320 --proxy-port 3330]
 *
 * Several production servers (scripts/serve.mjs, TRUSTED_PROXY_HOPS=1) on one fresh PostgreSQL database, sharing
 * AUTH_SECRET and NEXT_SERVER_ACTIONS_ENCRYPTION_KEY (generated per run), behind nginx on loopback (round-robin; the
 * bench's health check keeps only ready instances in the rotation). `connections` people do the self-check with
 * consent through nginx, as the page does (answer, then save with the receipt; a failure retried once with the same
 * key). During the measured run the last instance gets SIGTERM at 1/3 and is restarted; once it is back, the first
 * gets SIGKILL at 2/3 and is restarted. Then, on the real default limits, one client alternating between the
 * instances must be limited after as many self-checks as on one instance.
 * Prints the share of answers per instance in each phase, answer and save latency, the 5xx split into "in flight on
 * the SIGKILLed instance" and the rest, and the consented cases against the database.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { z } from "zod";
import { rateLimitShape } from "../../lib/env";
import { freshDatabase, log, migrate, productionEnv } from "../lib/harness";
import { ROOT } from "../lib/project-copy";
import { Cluster, readinessPath, SHUTDOWN_DELAY_MS } from "./cluster";
import { consistency, failures, latency, shares, type Kill, type Phase } from "./instances-report";
import { limitCheck } from "./limit-check";
import { adminUrl, connections, duration, instances, port, proxyPort, warmup } from "./options";
import { drivePeople, newLoad, postJson } from "./people";
import { posts } from "./requests";

const UNLIMITED = {
  RATE_LIMIT_SELF_CHECK_MAX: "100000000",
  RATE_LIMIT_SAVE_MAX: "100000000",
  RATE_LIMIT_SAVE_GLOBAL_PER_MINUTE: "100000000",
  RATE_LIMIT_GENERATION_MAX: "100000000",
  RATE_LIMIT_GENERATION_GLOBAL_PER_MINUTE: "100000000",
};

const sleepUntil = async (t: number) => {
  while (performance.now() < t) await new Promise((r) => setTimeout(r, Math.min(250, Math.max(1, t - performance.now()))));
};

async function caseRows(databaseUrl: string): Promise<{ key: string; n: number }[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ key: string; n: number }>('SELECT "submissionKey" AS key, count(*)::int AS n FROM "Case" GROUP BY 1');
    return rows;
  } finally {
    await client.end();
  }
}

export async function benchInstances(dir: string) {
  const databaseUrl = await freshDatabase(adminUrl!, "lantern_bench_instances");
  migrate(dir, databaseUrl);
  const temp = mkdtempSync(path.join(tmpdir(), "lantern-bench-instances-"));
  const shared = {
    DATABASE_URL: databaseUrl,
    // The same secrets on every instance: sessions, save receipts and server actions work whichever one answers.
    AUTH_SECRET: randomBytes(48).toString("base64url"),
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    TRUSTED_PROXY_HOPS: "1",
    // Declares the deployment multi-instance: the start-up checks then require the shared settings above.
    LANTERN_INSTANCES: String(instances),
    LANTERN_SHUTDOWN_DELAY_MS: String(SHUTDOWN_DELAY_MS),
    LLM_PROVIDER: "offline",
  };
  const ports = Array.from({ length: instances }, (_, i) => port + i);
  const cluster = new Cluster(dir, ports, proxyPort, temp, productionEnv({ ...shared, ...UNLIMITED }));
  try {
    log(`starting ${instances} instances on ${ports.join(", ")} and nginx on ${proxyPort}`);
    await cluster.start();
    log(`readiness by ${readinessPath()}; proxy at ${cluster.url}`);
    for (const instance of cluster.instances) {
      // Model load, JIT and the pool of each instance, not measured and not consented.
      for (let i = 0; i < 20; i++) await postJson(`http://127.0.0.1:${instance.port}`, "/api/self-check", { text: posts[i % posts.length], consent: false, submissionKey: randomUUID() });
    }

    const warm = newLoad();
    if (warmup > 0) {
      log(`warm-up: ${connections} people through the proxy for ${warmup} s (not measured; their cases are checked too)`);
      const end = performance.now() + warmup * 1000;
      await drivePeople(warm, cluster.url, posts, connections, () => performance.now() < end);
    }

    const load = newLoad();
    const start = performance.now();
    let running = true;
    log(`run: ${connections} people through the proxy for ${duration} s, with a SIGTERM and a SIGKILL`);
    const driving = drivePeople(load, cluster.url, posts, connections, () => running);
    const first = cluster.instances[0]!;
    const last = cluster.instances.at(-1)!;

    await sleepUntil(start + (duration * 1000) / 3);
    await cluster.othersUp(last);
    const termAt = performance.now();
    const term = await cluster.stop(last, "SIGTERM");
    const termRestartMs = await cluster.restart(last);
    const termBackAt = performance.now();

    // The kill waits for the restarted instance (never both down at once) and gives the rotation 5 s of both.
    await sleepUntil(Math.max(start + (duration * 2000) / 3, termBackAt + 5_000));
    await cluster.othersUp(first);
    const killAt = performance.now();
    const kill = await cluster.stop(first, "SIGKILL");
    const killRestartMs = await cluster.restart(first);
    const killBackAt = performance.now();

    await sleepUntil(Math.max(start + duration * 1000, killBackAt + 5_000));
    running = false;
    const endAt = performance.now();
    await driving;
    log(`run over after ${Math.round((endAt - start) / 1000)} s; every self-check in flight has finished`);

    // Cases the instances queued (their database calls timed out under load) are written by their outboxes.
    const flows = [...warm.flows, ...load.flows];
    const queued = flows.filter((f) => f.save === "queued").map((f) => f.key);
    const drainStarted = Date.now();
    let rows = await caseRows(databaseUrl);
    while (queued.some((k) => !rows.some((r) => r.key === k)) && Date.now() - drainStarted < 180_000) {
      await new Promise((r) => setTimeout(r, 2_000));
      rows = await caseRows(databaseUrl);
    }
    const cases = consistency(flows, rows);

    log("rate limits: every instance restarted on the real defaults; one client straight to one instance, then one alternating through the proxy");
    const limitEnv = productionEnv(shared);
    await cluster.restartAllWith(limitEnv);
    // Warm as in the run (model, limiter pool) from another address: a cold pool's first query can pass the limiter's
    // timeout on a loaded machine, and the insurance limiter then counts that self-check in one instance's memory.
    for (const instance of cluster.instances) {
      for (let i = 0; i < 3; i++) await postJson(`http://127.0.0.1:${instance.port}`, "/api/self-check", { text: posts[i]!, consent: false, submissionKey: randomUUID() }, { localAddress: "127.20.0.9" });
    }
    const limits = await limitCheck({ proxyUrl: cluster.url, instanceUrl: `http://127.0.0.1:${first.port}`, text: posts[0]! });
    const insuranceWarnings = cluster.logLines("rate_limit.store_unavailable");

    const kills: Kill[] = [{ at: kill.sentAt, exitedAt: kill.exitedAt, address: first.address }];
    const attempts = [...warm.attempts, ...load.attempts];
    const failed = failures(attempts, kills, start);
    const runAttempts = load.attempts;
    const phase = (name: string, from: number, to: number): Phase => ({ name, from, to, seconds: (Math.min(to, endAt) - from) / 1000 });
    const phases: Phase[] = [
      phase("all up", start, termAt),
      phase(`instance ${last.n}: SIGTERM, restart`, termAt, termBackAt),
      phase("all up again", termBackAt, killAt),
      phase(`instance ${first.n}: SIGKILL, restart`, killAt, killBackAt),
      phase("all up at the end", killBackAt, Infinity),
    ];
    const addresses = cluster.instances.map((i) => i.address);
    const perPhase = shares(runAttempts, addresses, phases);
    const whole = shares(runAttempts, addresses, [phase("whole run", start, Infinity)]);
    const answer = latency(runAttempts, "check");
    const save = latency(runAttempts, "save");
    const runSeconds = (endAt - start) / 1000;
    // The limit the instances were restarted on (the default unless this shell sets one), read as the app reads it.
    const expectedLimit = z.object(rateLimitShape).parse(limitEnv).RATE_LIMIT_SELF_CHECK_MAX;

    const bars = [
      { bar: "0 lost consented cases (every self-check answered with a receipt is a case)", value: `${cases.lost} of ${cases.consented} (${cases.lostAfterSavedOrQueued} told saved/queued)`, pass: cases.lost === 0 },
      { bar: "every case once, and no case nobody consented to", value: `${cases.duplicated} twice, ${cases.unexpected} unexpected`, pass: cases.duplicated === 0 && cases.unexpected === 0 },
      { bar: "0 5xx (or unanswered) except in flight on the SIGKILLed instance", value: `${failed.other5xx} 5xx + ${failed.noAnswer} unanswered (allowed: ${failed.inFlightOnKilled})`, pass: failed.other5xx === 0 && failed.noAnswer === 0 },
      {
        bar: `a client alternating between instances is limited after the same ${expectedLimit} self-checks as on one`,
        value: `alternating ${limits.alternating.allowed} then ${limits.alternating.refusalStatus}; one instance ${limits.one.allowed} then ${limits.one.refusalStatus}`,
        pass: limits.alternatedStrictly && limits.one.allowed === expectedLimit && limits.alternating.allowed === expectedLimit && limits.alternating.refusalStatus === 429 && limits.alternating.refusalCarriesCrisisLines,
      },
    ];

    console.log(`\n=== Lantern load bench: ${instances} instances behind nginx ===`);
    console.log(`machine: ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(" ")}; ${connections} people; ${warmup} s warm-up, then ${runSeconds.toFixed(0)} s measured; PostgreSQL (fresh lantern_bench_instances)`);
    console.table(cluster.events.map((e) => ({ "s into run": round1((e.at - start) / 1000), instance: e.instance, event: e.what })));
    console.log(`SIGTERM: exit code ${term.exitCode} after ${term.ms} ms, back in the rotation ${termRestartMs} ms after its restart began; SIGKILL: back ${killRestartMs} ms after its restart began (exit ${kill.exitSignal})`);
    console.log("answers per instance:");
    console.table([...perPhase, ...whole]);
    console.table([
      { request: "self-check answer", ...answer, "per s": round1(answer.n / runSeconds) },
      { request: "save", ...save, "per s": round1(save.n / runSeconds) },
    ]);
    console.log(`classifications: ${round1(load.classified / runSeconds)}/s; answer p95 by phase: ${phases.map((p) => `${p.name} ${latency(runAttempts, "check", p.from, p.to).p95Ms} ms`).join("; ")}`);
    console.log("failures (warm-up and run):", JSON.stringify(failed));
    console.log("consented cases:", JSON.stringify(cases));
    console.log("rate limit:", JSON.stringify({ insuranceWarnings, one: { allowed: limits.one.allowed, refusal: limits.one.refusalStatus }, alternating: { allowed: limits.alternating.allowed, refusal: limits.alternating.refusalStatus, strictly: limits.alternatedStrictly, crisisLines: limits.alternating.refusalCarriesCrisisLines } }));
    console.table(bars.map((b) => ({ bar: b.bar, value: b.value, result: b.pass ? "PASS" : "FAIL" })));

    mkdirSync(path.join(ROOT, "test-results"), { recursive: true });
    writeFileSync(
      path.join(ROOT, "test-results", "bench-load-instances.json"),
      JSON.stringify({ at: new Date().toISOString(), instances, connections, duration, warmup, events: cluster.events.map((e) => ({ ...e, at: round1((e.at - start) / 1000) })), term, kill, termRestartMs, killRestartMs, shares: [...perPhase, ...whole], answer, save, failed, cases, limits, insuranceWarnings, shutdownDelayMs: SHUTDOWN_DELAY_MS, bars }, null, 2),
    );
    process.exitCode = bars.every((b) => b.pass) ? 0 : 1;
  } catch (err) {
    console.error(cluster.serverOutput());
    throw err;
  } finally {
    await cluster.close();
    rmSync(temp, { recursive: true, force: true });
  }
}

const round1 = (n: number) => Math.round(n * 10) / 10;
