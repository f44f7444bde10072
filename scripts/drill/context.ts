import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { log, productionEnv, type Server } from "../lib/harness";
import { checkPostText } from "../../lib/ingest/text";
import { DEFAULT_MODEL_DIR } from "../../lib/classifier/model-dir";
import { loadPosts } from "../lib/posts";
import { INTERNALS, appWords, selfCheckLoad, type CheckRecord } from "../lib/self-check-load";
import { ROOT } from "../lib/project-copy";

export const { values: args } = parseArgs({
  options: {
    only: { type: "string" },
    "skip-build": { type: "boolean", default: false },
    dir: { type: "string" },
  },
});
export const dir = args.dir ? path.resolve(args.dir) : ROOT;
// Posts the self-check accepts: the drills test outages, not the input checks (a refused post, e.g. a 500-character
// run without spaces, gets a 400 with a kind message and is tested in lib/ingest).
export const posts = loadPosts(ROOT, 200).filter((p) => p.length < 1500 && checkPostText(p).ok);

export type Result = { scenario: string; check: string; result: "PASS" | "FAIL" | "SKIP"; detail: string };
export const results: Result[] = [];
export function check(scenario: string, name: string, pass: boolean | "skip", detail = "") {
  results.push({ scenario, check: name, result: pass === "skip" ? "SKIP" : pass ? "PASS" : "FAIL", detail: detail.slice(0, 160) });
  log(`${pass === "skip" ? "SKIP" : pass ? "PASS" : "FAIL"} ${scenario}: ${name}${detail ? ` (${detail.slice(0, 160)})` : ""}`);
}

export let nextPort = 3400;
export const port = () => nextPort++;
export const tempDir = (prefix: string) => mkdtempSync(path.join(tmpdir(), prefix));
export const modelDir = () => path.resolve(dir, process.env.LANTERN_MODEL_DIR ?? DEFAULT_MODEL_DIR);
export const hasModel = () => existsSync(path.join(modelDir(), "model.onnx"));

/** Env for a server on a fresh embedded database (each drill has its own folders). */
export function embeddedEnv(extra: Record<string, string | undefined> = {}) {
  const base = tempDir("lantern-drill-");
  return productionEnv({ DATABASE_URL: undefined, LANTERN_DATA_DIR: path.join(base, "pglite"), LANTERN_OUTBOX_DIR: path.join(base, "outbox"), ...extra });
}

export async function selfCheck(server: Server, consent = false): Promise<CheckRecord> {
  // A 1 ms load can end before its first request starts (seen once right after a restart): ask until one is answered.
  for (let attempt = 0; ; attempt++) {
    const [record] = await selfCheckLoad({ url: server.url, posts: [posts[0] ?? "I can't sleep and I feel hopeless."], concurrency: 1, durationMs: 1, consent });
    if (record) return record;
    if (attempt >= 4) return { key: "", startedAt: Date.now(), ms: 0, status: 0, body: null, raw: "", error: "no request was made" };
  }
}

export function answeredSafely(r: CheckRecord): { ok: boolean; detail: string } {
  const leaks = INTERNALS.test(appWords(r));
  const ok = r.status === 200 && !!r.body && (r.body.outcome === "result" || r.body.showCrisis === true) && !leaks;
  return { ok, detail: `status ${r.status}, outcome ${r.body?.outcome}, crisis card ${r.body?.showCrisis}${leaks ? ", LEAKS INTERNALS" : ""}` };
}
