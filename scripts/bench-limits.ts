/**
 * `npm run bench:limits [-- --checks 4000] [-- --callers 50]`: what a shared limit costs a request. The self-check
 * limiter in memory (one instance) against the same limiter on PostgreSQL, as one instance and as two instances
 * (two pools, one database) taking turns, first one call at a time (latency), then `--callers` concurrent callers
 * (throughput), each caller its own client. Then the sign-in limiter's take + give-back of a right password.
 * Needs BENCH_DATABASE_URL or TEST_DATABASE_URL (a role that may CREATE DATABASE); a fresh database is made and dropped.
 */
import os from "node:os";
import pg from "pg";
import { createSignInLimiter } from "@/lib/auth/rate-limit";
import { authConfig } from "@/lib/auth/config";
import { openDatabase } from "@/lib/db/connect";
import { createLimiterPool } from "@/lib/db/limiter-pool";
import { readRateLimitConfig } from "@/lib/rate-limit/config";
import { createLimiters, type Limiters } from "@/lib/rate-limit/limiters";
import { MEMORY_STORE, postgresStore, type LimiterStore } from "@/lib/rate-limit/store";
import { freshDatabase, log } from "./lib/harness";

const argv = process.argv.slice(2);
const arg = (name: string, fallback: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1]! : fallback);
const checks = Number(arg("--checks", "4000"));
const callers = Number(arg("--callers", "50"));
const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (!adminUrl) throw new Error("set BENCH_DATABASE_URL or TEST_DATABASE_URL (a role that may CREATE DATABASE)");

// High limits: the bench measures the cost of counting, never a refusal.
const config = readRateLimitConfig({ RATE_LIMIT_SELF_CHECK_MAX: "1000000000" });
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.floor(q * (xs.length - 1))]!;
const ms = (x: number) => `${x.toFixed(3)} ms`;

async function sequential(sets: Limiters[]): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < checks; i++) {
    const started = performance.now();
    await sets[i % sets.length]!.limitSelfCheck(`client-${i % 500}`);
    times.push(performance.now() - started);
  }
  return times;
}

async function concurrent(sets: Limiters[]): Promise<{ perSecond: number; p95: number }> {
  const times: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: callers }, async (_, caller) => {
      while (next < checks) {
        const i = next++;
        const t = performance.now();
        await sets[i % sets.length]!.limitSelfCheck(`caller-${caller}`);
        times.push(performance.now() - t);
      }
    }),
  );
  return { perSecond: checks / ((performance.now() - started) / 1000), p95: quantile(times, 0.95) };
}

async function main() {
  const name = `lantern_bench_limits_${process.pid}`;
  const url = await freshDatabase(adminUrl!, name);
  const handle = await openDatabase({ databaseUrl: url, migrate: true, poolSize: 2 });
  await handle.close();
  const pools = [0, 1].map(() => createLimiterPool(url, { max: 4, timeoutMs: 2_000 }));
  const stores: Record<string, LimiterStore[]> = {
    "memory (one instance)": [MEMORY_STORE],
    "PostgreSQL, one instance": [postgresStore(pools[0]!)],
    "PostgreSQL, two instances": pools.map((p) => postgresStore(p)),
  };
  log(`${checks} self-check limits per row, ${callers} concurrent callers; ${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(2)}`);
  try {
    console.log("| store | median, one at a time | p95, one at a time | checks/s, concurrent | p95, concurrent |");
    console.log("|---|---|---|---|---|");
    for (const [label, list] of Object.entries(stores)) {
      const sets = list.map((s) => createLimiters(config, s));
      await sequential(sets); // warm-up: connections open, statements prepared, JIT settled
      const one = await sequential(sets);
      const many = await concurrent(sets);
      console.log(`| ${label} | ${ms(quantile(one, 0.5))} | ${ms(quantile(one, 0.95))} | ${many.perSecond.toFixed(0)} | ${ms(many.p95)} |`);
    }
    const limits = authConfig({});
    for (const [label, store] of [["memory", MEMORY_STORE], ["PostgreSQL", postgresStore(pools[0]!)]] as const) {
      const signIn = createSignInLimiter(limits, store);
      const times: number[] = [];
      for (let i = 0; i < Math.min(checks, 2_000); i++) {
        const started = performance.now();
        const taken = await signIn.take(`staff-${i % 50}@example.org`, `desk-${i % 50}`);
        if (taken.ok) await signIn.succeeded(taken.attempt);
        times.push(performance.now() - started);
      }
      console.log(`sign-in take + give back (${label}): median ${ms(quantile(times, 0.5))}, p95 ${ms(quantile(times, 0.95))}`);
    }
  } finally {
    await Promise.all(pools.map((p) => p.end()));
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
    await admin.end();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error("bench:limits failed:", err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
