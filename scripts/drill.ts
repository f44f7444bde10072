/**
 * npm run drill [-- --only env,model,pglite,llm,postgres,kill --skip-build --dir <folder>]
 *
 * Fault drills against the production build on loopback. Each scenario prints PASS/FAIL/SKIP per check:
 *   env       next start with a missing or weak AUTH_SECRET: one clear message, exit 78, no stack, no restart loop
 *   model     model folder missing / model file corrupt: server stays up, self-checks answer with the crisis card
 *   pglite    embedded data folder locked by another process / damaged: one clear message, answers still come
 *   llm       LLM unreachable, slow, failing, cut mid-stream: the offline composer completes the message
 *   postgres  PostgreSQL (a private throwaway server) stopped mid-run: answers keep coming with the crisis card,
 *             saves say they could not be made now, and resume by themselves when it returns; no half-written case
 *   kill      the app killed with SIGKILL during writes, then restarted (PostgreSQL and PGlite): data consistent
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { build, freshDatabase, log, migrate, productionEnv, startServer, type Server } from "./lib/harness";
import { checkPostText } from "../lib/ingest/text";
import { DEFAULT_MODEL_DIR } from "../lib/classifier/model-dir";
import { supportEventSchema } from "../lib/ai/support-message";
import { supportViewOf } from "../lib/ai/support-view";
import { loadPosts } from "./lib/posts";
import { privatePostgres } from "./lib/private-postgres";
import { INTERNALS, appWords, selfCheckLoad, type CheckRecord } from "./lib/self-check-load";
import { ROOT } from "./lib/project-copy";
import { CONDITIONS } from "../lib/assessment/vocabulary";

const { values: args } = parseArgs({
  options: {
    only: { type: "string" },
    "skip-build": { type: "boolean", default: false },
    dir: { type: "string" },
  },
});
const dir = args.dir ? path.resolve(args.dir) : ROOT;
// Posts the self-check accepts: the drills test outages, not the input checks (a refused post, e.g. a 500-character
// run without spaces, gets a 400 with a kind message and is tested in lib/ingest).
const posts = loadPosts(ROOT, 200).filter((p) => p.length < 1500 && checkPostText(p).ok);

type Result = { scenario: string; check: string; result: "PASS" | "FAIL" | "SKIP"; detail: string };
const results: Result[] = [];
function check(scenario: string, name: string, pass: boolean | "skip", detail = "") {
  results.push({ scenario, check: name, result: pass === "skip" ? "SKIP" : pass ? "PASS" : "FAIL", detail: detail.slice(0, 160) });
  log(`${pass === "skip" ? "SKIP" : pass ? "PASS" : "FAIL"} ${scenario}: ${name}${detail ? ` (${detail.slice(0, 160)})` : ""}`);
}

let nextPort = 3400;
const port = () => nextPort++;
const tempDir = (prefix: string) => mkdtempSync(path.join(tmpdir(), prefix));
const modelDir = () => path.resolve(dir, process.env.LANTERN_MODEL_DIR ?? DEFAULT_MODEL_DIR);
const hasModel = () => existsSync(path.join(modelDir(), "model.onnx"));

/** Env for a server on a fresh embedded database (each drill has its own folders). */
function embeddedEnv(extra: Record<string, string | undefined> = {}) {
  const base = tempDir("lantern-drill-");
  return productionEnv({ DATABASE_URL: undefined, LANTERN_DATA_DIR: path.join(base, "pglite"), LANTERN_OUTBOX_DIR: path.join(base, "outbox"), ...extra });
}

async function selfCheck(server: Server, consent = false): Promise<CheckRecord> {
  // A 1 ms load can end before its first request starts (seen once right after a restart): ask until one is answered.
  for (let attempt = 0; ; attempt++) {
    const [record] = await selfCheckLoad({ url: server.url, posts: [posts[0] ?? "I can't sleep and I feel hopeless."], concurrency: 1, durationMs: 1, consent });
    if (record) return record;
    if (attempt >= 4) return { key: "", startedAt: Date.now(), ms: 0, status: 0, body: null, raw: "", error: "no request was made" };
  }
}

function answeredSafely(r: CheckRecord): { ok: boolean; detail: string } {
  const leaks = INTERNALS.test(appWords(r));
  const ok = r.status === 200 && !!r.body && (r.body.outcome === "result" || r.body.showCrisis === true) && !leaks;
  return { ok, detail: `status ${r.status}, outcome ${r.body?.outcome}, crisis card ${r.body?.showCrisis}${leaks ? ", LEAKS INTERNALS" : ""}` };
}

// ---------------------------------------------------------------------------------------------------------
async function drillEnv() {
  for (const [label, secret] of [
    ["missing AUTH_SECRET", undefined],
    ["weak AUTH_SECRET", "changeme-changeme-changeme-changeme"],
  ] as const) {
    const env = embeddedEnv({ AUTH_SECRET: secret });
    if (secret === undefined) delete env.AUTH_SECRET;
    const p = port();
    const child = spawn(path.join(dir, "node_modules/.bin/next"), ["start", "-p", String(p), "-H", "127.0.0.1"], { cwd: dir, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d));
    child.stderr.on("data", (d: Buffer) => (output += d));
    const exited = await Promise.race([once(child, "exit").then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 40_000))]);
    let healthy = false;
    if (!exited) {
      healthy = await fetch(`http://127.0.0.1:${p}/api/health`).then((r) => r.ok, () => false);
      child.kill("SIGKILL");
    }
    check("env", `${label}: refuses to start with exit code 78`, exited && child.exitCode === 78, exited ? `exit ${child.exitCode}` : `still running${healthy ? " and serving" : ""} after 40 s`);
    check("env", `${label}: one clear message naming AUTH_SECRET, no stack trace`, /AUTH_SECRET/.test(output) && /cannot start/i.test(output) && !/^\s+at /m.test(output), output.trim().split("\n").slice(-3).join(" | "));
  }
}

/** The word model's file, when the shipped config names one. */
const wordModelFile = () => (JSON.parse(readFileSync(path.join(modelDir(), "config.json"), "utf8")) as { word_model?: { file: string } }).word_model?.file;

/** A copy of the model folder with one of its files replaced by random bytes. */
function corruptCopy(file: string): string {
  const copy = tempDir("lantern-bad-model-");
  cpSync(modelDir(), copy, { recursive: true });
  writeFileSync(path.join(copy, file), randomBytes(4096));
  return copy;
}

async function drillModel() {
  const cases: [string, () => string | null][] = [
    ["model folder missing", () => tempDir("lantern-no-model-")],
    ["model file corrupt", () => (hasModel() ? corruptCopy("model.onnx") : null)],
    ["word model file corrupt", () => (hasModel() && wordModelFile() ? corruptCopy(wordModelFile()!) : null)],
  ];
  for (const [label, prepare] of cases) {
    const folder = prepare();
    if (!folder) {
      check("model", `${label}: server stays up, answers with the crisis card`, "skip", "no model in models/ to corrupt yet");
      continue;
    }
    const server = await startServer(dir, port(), embeddedEnv({ LANTERN_MODEL_DIR: folder }));
    try {
      const answers = [await selfCheck(server), await selfCheck(server), await selfCheck(server)];
      const bad = answers.map(answeredSafely).filter((a) => !a.ok);
      check("model", `${label}: self-checks answer with the crisis card and kind words`, bad.length === 0 && answers.every((a) => a.body?.showCrisis === true), bad[0]?.detail ?? answeredSafely(answers[0]!).detail);
      await new Promise((r) => setTimeout(r, 2_000));
      const alive = server.child.exitCode === null && (await fetch(`${server.url}/api/health`).then((r) => r.ok, () => false));
      check("model", `${label}: no crash, no restart loop`, alive);
      const mentions = server.output().split("\n").filter((l) => /model/i.test(l));
      check("model", `${label}: the log says what is wrong with the model`, mentions.length >= 1, `${mentions.length} log line(s) mention the model`);
    } finally {
      await server.stop();
    }
  }
}

async function drillPglite() {
  // Locked: a second server on the same folder (PGlite allows one process).
  const env = embeddedEnv();
  const first = await startServer(dir, port(), env);
  try {
    await new Promise((r) => setTimeout(r, 2_000)); // instrumentation opens the database at start
    const second = await startServer(dir, port(), { ...env, AUTH_SECRET: env.AUTH_SECRET });
    try {
      const r = await selfCheck(second, true);
      const a = answeredSafely(r);
      check("pglite", "folder locked by another process: self-check still answers with the crisis card or a result", a.ok, a.detail);
      await new Promise((res) => setTimeout(res, 1_500));
      const alive = second.child.exitCode === null && (await fetch(`${second.url}/api/health`).then((x) => x.ok, () => false));
      check("pglite", "folder locked: the second server stays up (no crash loop)", alive);
      const lines = second.output().split("\n").filter((l) => /lock|in use|another process|already open/i.test(l));
      check("pglite", "folder locked: one clear message in the log", lines.length >= 1 && lines.length <= 10, lines[0]?.slice(0, 150) ?? "no message mentions the lock");
    } finally {
      await second.stop();
    }
  } finally {
    await first.stop();
  }

  // Damaged: a data folder whose files are garbage.
  const damaged = embeddedEnv();
  const data = damaged.LANTERN_DATA_DIR!;
  mkdirSync(path.join(data, "base"), { recursive: true });
  writeFileSync(path.join(data, "PG_VERSION"), "not a version\n");
  writeFileSync(path.join(data, "base", "junk"), randomBytes(8192));
  const server = await startServer(dir, port(), damaged);
  try {
    const a = answeredSafely(await selfCheck(server, true));
    check("pglite", "damaged data folder: self-check still answers safely", a.ok, a.detail);
    const alive = server.child.exitCode === null;
    check("pglite", "damaged data folder: server stays up", alive);
    const lines = server.output().split("\n").filter((l) => /database|pglite|data folder|LANTERN_DATA_DIR/i.test(l) && /fail|damag|corrupt|cannot|could not|invalid/i.test(l));
    check("pglite", "damaged data folder: a clear message in the log", lines.length >= 1, lines[0]?.slice(0, 150) ?? "no message");
  } finally {
    await server.stop();
  }
}

async function drillLlm() {
  const { startFakeLlm } = (await import(path.join(ROOT, "test/fakes/fake-llm-server.mjs"))) as {
    startFakeLlm: (o: object) => Promise<{ baseURL: string; close: () => Promise<void> }>;
  };
  const fake = await startFakeLlm({ port: 0, slowFirstTokenMs: 30_000 });
  const timeouts = { LLM_FIRST_TOKEN_TIMEOUT_MS: "2000", LLM_IDLE_TIMEOUT_MS: "2000", LLM_OFFLINE_CHUNK_DELAY_MS: "0" };
  const llm = (baseURL: string) => ({ LLM_PROVIDER: "openai-compatible", LLM_BASE_URL: baseURL, LLM_MODEL: "fake-model", LLM_API_KEY: "drill-key", ...timeouts });
  const closedPort = port(); // nothing listens here
  const servers: [string, Server][] = [
    ["fake", await startServer(dir, port(), embeddedEnv(llm(fake.baseURL)))],
    ["unreachable", await startServer(dir, port(), embeddedEnv(llm(`http://127.0.0.1:${closedPort}/v1`)))],
  ];
  try {
    const cases: [string, string, string][] = [
      ["unreachable", "unreachable", "I feel so alone lately and I can't sleep."],
      ["fake", "slow (no first token)", "I feel so alone lately and I can't sleep. fake-llm:slow"],
      ["fake", "failing (HTTP 500)", "I feel so alone lately and I can't sleep. fake-llm:error"],
      ["fake", "cut mid-stream", "I feel so alone lately and I can't sleep. fake-llm:cut"],
      ["fake", "quiet mid-stream", "I feel so alone lately and I can't sleep. fake-llm:stall"],
    ];
    for (const [which, label, prompt] of cases) {
      const server = servers.find(([k]) => k === which)![1];
      const started = Date.now();
      const res = await fetch(`${server.url}/api/resources`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ prompt, tier: "elevated", country: "US", conditions: { depression: 0.7 } }),
        signal: AbortSignal.timeout(30_000),
      }).catch((e: Error) => e);
      const body = res instanceof Error ? "" : await res.text();
      const ms = Date.now() - started;
      // The route streams NDJSON events of the structured message; the person's page reads it the same way.
      const events = body.split("\n").filter((l) => l.trim()).map((l) => {
        try {
          return supportEventSchema.safeParse(JSON.parse(l));
        } catch {
          return { success: false as const };
        }
      });
      const view = supportViewOf(events.flatMap((e) => (e.success ? [e.data] : [])));
      const words = `${view.opening} ${view.picks.map((p) => p.why).join(" ")} ${view.closing}`.trim();
      const complete =
        !(res instanceof Error) && res.status === 200 && events.every((e) => e.success) && view.ended && view.picks.length > 0 && words.length > 80 && /[.!?)\]]\s*$/.test(view.closing.trim()) && !INTERNALS.test(body);
      check("llm", `LLM ${label}: the offline composer completes the message`, complete, res instanceof Error ? res.message : `status ${res.status}, ${view.picks.length} services, ${words.length} characters in ${ms} ms, ends "${view.closing.trim().slice(-30)}"`);
    }
  } finally {
    for (const [, s] of servers) await s.stop();
    await fake.close();
  }
}

interface CaseRow {
  submissionKey: string;
  redactedText: string;
  probabilities: Record<string, number>;
  modelName: string;
  n: number;
}

async function casesIn(url: string): Promise<CaseRow[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<CaseRow>('SELECT "submissionKey", "redactedText", probabilities, "modelName", 1 AS n FROM "Case"')).rows;
  } finally {
    await c.end();
  }
}

/** Every row whole: text, all four probabilities, the model; no key twice. */
function wholeRows(rows: CaseRow[]): { ok: boolean; detail: string } {
  const keys = new Set(rows.map((r) => r.submissionKey));
  const broken = rows.filter((r) => !r.redactedText?.trim() || !r.modelName || CONDITIONS.some((k) => typeof r.probabilities?.[k] !== "number"));
  return { ok: broken.length === 0 && keys.size === rows.length, detail: `${rows.length} cases, ${broken.length} incomplete, ${rows.length - keys.size} duplicated` };
}

async function drillPostgres() {
  const pgServer = privatePostgres(5490 + Math.floor(Math.random() * 9));
  if (!pgServer) return check("postgres", "PostgreSQL stopped mid-run", "skip", "no PostgreSQL binaries under /usr/lib/postgresql");
  try {
    const url = await freshDatabase(pgServer.url, "lantern_drill");
    migrate(dir, url);
    const outbox = tempDir("lantern-drill-outbox-");
    const server = await startServer(dir, port(), productionEnv({ DATABASE_URL: url, LANTERN_OUTBOX_DIR: outbox, LANTERN_OUTBOX_RETRY_MS: "500", LANTERN_SAVE_TIMEOUT_MS: "2000", RATE_LIMIT_SELF_CHECK_MAX: "1000000", RATE_LIMIT_SAVE_MAX: "1000000", RATE_LIMIT_SAVE_GLOBAL_PER_MINUTE: "1000000" }));
    try {
      if (!hasModel()) log("no model yet: answers will be 'unavailable' with the crisis card, and nothing is saved");
      const marks = { downAt: 0, upAt: 0 };
      const load = selfCheckLoad({ url: server.url, posts, concurrency: 6, durationMs: 24_000 });
      await new Promise((r) => setTimeout(r, 6_000));
      pgServer.stop("immediate");
      marks.downAt = Date.now();
      log("PostgreSQL stopped (immediate: as in a crash)");
      await new Promise((r) => setTimeout(r, 8_000));
      pgServer.start();
      marks.upAt = Date.now();
      log("PostgreSQL started again");
      const records = await load;

      const unsafe = records.filter((r) => !answeredSafely(r).ok);
      check("postgres", "every self-check answered (classification or crisis card), no 5xx, nothing internal shown", unsafe.length === 0, `${records.length} answers, ${unsafe.length} unsafe${unsafe[0] ? `: ${answeredSafely(unsafe[0]).detail} ${unsafe[0].error ?? ""}` : ""}`);
      const during = records.filter((r) => r.startedAt > marks.downAt + 500 && r.startedAt + r.ms < marks.upAt && r.body?.outcome === "result");
      const claimedSaved = during.filter((r) => r.body?.save?.status === "saved");
      check(
        "postgres",
        "while it was down, no answer claimed the case was saved, and each said so plainly",
        hasModel() ? during.length > 0 && claimedSaved.length === 0 && during.every((r) => ["queued", "failed"].includes(r.body?.save?.status ?? "")) : "skip",
        hasModel() ? `${during.length} results during the outage: ${JSON.stringify(Object.fromEntries(["saved", "queued", "failed"].map((s) => [s, during.filter((r) => r.body?.save?.status === s).length])))}` : "no model",
      );
      const promised = records.filter((r) => ["saved", "queued"].includes(r.body?.save?.status ?? "")).map((r) => r.key);
      let rows: CaseRow[] = [];
      const deadline = Date.now() + 60_000;
      for (;;) {
        rows = await casesIn(url).catch(() => []);
        const have = new Set(rows.map((r) => r.submissionKey));
        if (promised.every((k) => have.has(k)) || Date.now() > deadline) break;
        await new Promise((r) => setTimeout(r, 1_000));
      }
      const have = new Set(rows.map((r) => r.submissionKey));
      const missing = promised.filter((k) => !have.has(k));
      const queued = records.filter((r) => r.body?.save?.status === "queued").length;
      check("postgres", "saves resumed by themselves: every saved or queued case is in the database", hasModel() ? missing.length === 0 && promised.length > 0 : "skip", `${promised.length} promised (${queued} queued), ${missing.length} missing`);
      const whole = wholeRows(rows);
      check("postgres", "no half-written or duplicated case", whole.ok, whole.detail);
      const sent = new Set(records.map((r) => r.key));
      check("postgres", "no case the person did not consent to", rows.every((r) => sent.has(r.submissionKey)));
    } finally {
      await server.stop();
    }
  } finally {
    pgServer.remove();
  }
}

async function killDuringWrites(label: string, env: NodeJS.ProcessEnv, rowsOf: () => Promise<CaseRow[]>) {
  const p = port();
  let server = await startServer(dir, p, env);
  // Kill once writes are really happening: after a few consented self-checks were answered "saved"
  // (at most 40 s in), with more requests in flight at that moment.
  let saved = 0;
  let killed = false;
  const load = selfCheckLoad({
    url: server.url,
    posts,
    concurrency: 6,
    durationMs: 60_000,
    onRecord: (r) => {
      if (r.body?.save?.status === "saved") saved++;
    },
    stop: () => killed,
  });
  const deadline = Date.now() + 40_000;
  while (saved < 5 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  server.child.kill("SIGKILL");
  log(`${label}: server killed with SIGKILL during writes (${saved} saves answered so far)`);
  await new Promise((r) => setTimeout(r, 500));
  killed = true;
  const records = await load;
  server = await startServer(dir, p, env);
  try {
    const after = await selfCheck(server, true);
    check("kill", `${label}: restarts and answers again`, answeredSafely(after).ok, answeredSafely(after).detail);
    await new Promise((r) => setTimeout(r, 3_000)); // the outbox replays anything queued before the kill
    await server.stop(); // PGlite: one process at a time, so read the rows with the server stopped
    const rows = await rowsOf();
    const have = new Set(rows.map((r) => r.submissionKey));
    const promised = records.filter((r) => ["saved", "queued"].includes(r.body?.save?.status ?? "")).map((r) => r.key);
    const lost = promised.filter((k) => !have.has(k));
    check("kill", `${label}: every case answered "saved" (or queued) before the kill is there`, hasModel() ? lost.length === 0 && promised.length > 0 : "skip", hasModel() ? `${promised.length} promised, ${lost.length} lost, ${rows.length} rows` : "no model: nothing saved");
    const whole = wholeRows(rows);
    check("kill", `${label}: no half-written or duplicated case`, whole.ok, whole.detail);
    const sent = new Set([...records.map((r) => r.key), after.key]);
    check("kill", `${label}: no case that was not asked for`, rows.every((r) => sent.has(r.submissionKey)));
  } finally {
    await server.stop();
  }
}

async function drillKill() {
  const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (adminUrl) {
    const url = await freshDatabase(adminUrl, "lantern_drill_kill");
    migrate(dir, url);
    await killDuringWrites("PostgreSQL", productionEnv({ DATABASE_URL: url, LANTERN_OUTBOX_DIR: tempDir("lantern-drill-outbox-"), RATE_LIMIT_SELF_CHECK_MAX: "1000000", RATE_LIMIT_SAVE_MAX: "1000000", RATE_LIMIT_SAVE_GLOBAL_PER_MINUTE: "1000000" }), () => casesIn(url));
  } else {
    check("kill", "PostgreSQL variant", "skip", "set TEST_DATABASE_URL or BENCH_DATABASE_URL");
  }
  const env = embeddedEnv({ RATE_LIMIT_SELF_CHECK_MAX: "1000000", RATE_LIMIT_SAVE_MAX: "1000000", RATE_LIMIT_SAVE_GLOBAL_PER_MINUTE: "1000000" });
  await killDuringWrites("PGlite", env, async () => {
    const { openDatabase } = await import(path.join(dir, "lib/db/connect.ts"));
    const handle = await openDatabase({ databaseUrl: null, dataDir: env.LANTERN_DATA_DIR });
    try {
      const rows = (await handle.prisma.case.findMany({ select: { submissionKey: true, redactedText: true, probabilities: true, modelName: true } })) as CaseRow[];
      return rows;
    } finally {
      await handle.close();
    }
  });
}

const SCENARIOS: Record<string, () => Promise<unknown>> = { env: drillEnv, model: drillModel, pglite: drillPglite, llm: drillLlm, postgres: drillPostgres, kill: drillKill };

async function main() {
  const chosen = args.only ? args.only.split(",") : Object.keys(SCENARIOS);
  if (!args["skip-build"]) build(dir);
  for (const name of chosen) {
    const run = SCENARIOS[name];
    if (!run) throw new Error(`unknown scenario ${name}; choose from ${Object.keys(SCENARIOS).join(", ")}`);
    log(`--- drill: ${name}`);
    try {
      await run();
    } catch (err) {
      check(name, "scenario ran to the end", false, (err as Error).message);
    }
  }
  console.log("\n=== Lantern fault drills ===");
  console.table(results);
  const failed = results.filter((r) => r.result === "FAIL").length;
  console.log(`${results.filter((r) => r.result === "PASS").length} passed, ${failed} failed, ${results.filter((r) => r.result === "SKIP").length} skipped`);
  mkdirSync(path.join(ROOT, "test-results"), { recursive: true });
  // Keep earlier results of scenarios not run this time (e.g. `--only postgres` after a full run).
  const file = path.join(ROOT, "test-results", "drill.json");
  const earlier: Result[] = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as { results: Result[] }).results : [];
  const merged = [...earlier.filter((r) => !chosen.includes(r.scenario)), ...results];
  const order = Object.keys(SCENARIOS);
  merged.sort((a, b) => order.indexOf(a.scenario) - order.indexOf(b.scenario));
  writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), results: merged }, null, 2));
  process.exit(failed === 0 ? 0 : 1);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
