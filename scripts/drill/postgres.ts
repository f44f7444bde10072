import path from "node:path";
import pg from "pg";
import { freshDatabase, log, migrate, productionEnv, startServer } from "../lib/harness";
import { privatePostgres } from "../lib/private-postgres";
import { selfCheckLoad } from "../lib/self-check-load";
import { CONDITIONS } from "../../lib/assessment/vocabulary";
import { answeredSafely, check, dir, embeddedEnv, hasModel, port, posts, selfCheck, tempDir } from "./context";

export interface CaseRow {
  submissionKey: string;
  redactedText: string;
  probabilities: Record<string, number>;
  modelName: string;
  n: number;
}

export async function casesIn(url: string): Promise<CaseRow[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<CaseRow>('SELECT "submissionKey", "redactedText", probabilities, "modelName", 1 AS n FROM "Case"')).rows;
  } finally {
    await c.end();
  }
}

/** Every row whole: text, all four probabilities, the model; no key twice. */
export function wholeRows(rows: CaseRow[]): { ok: boolean; detail: string } {
  const keys = new Set(rows.map((r) => r.submissionKey));
  const broken = rows.filter((r) => !r.redactedText?.trim() || !r.modelName || CONDITIONS.some((k) => typeof r.probabilities?.[k] !== "number"));
  return { ok: broken.length === 0 && keys.size === rows.length, detail: `${rows.length} cases, ${broken.length} incomplete, ${rows.length - keys.size} duplicated` };
}

export async function drillPostgres() {
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

export async function killDuringWrites(label: string, env: NodeJS.ProcessEnv, rowsOf: () => Promise<CaseRow[]>) {
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

export async function drillKill() {
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
