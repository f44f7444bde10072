/**
 * npm run drill [-- --only env,model,pglite,llm,postgres,kill --skip-build --dir <folder>]
 *
 * Fault drills against the production build on loopback. Each scenario prints PASS/FAIL/SKIP per check:
 *   env       next start with a missing or weak AUTH_SECRET, or as one of two instances on the embedded database:
 *             one clear message, exit 78, no stack, no restart loop
 *   model     model folder missing / model file corrupt: server stays up, self-checks answer with the crisis card
 *   pglite    embedded data folder locked by another process / damaged: one clear message, answers still come
 *   llm       LLM unreachable, slow, failing, cut mid-stream: the offline composer completes the message
 *   postgres  PostgreSQL (a private throwaway server) stopped mid-run: answers keep coming with the crisis card,
 *             saves say they could not be made now, and resume by themselves when it returns; no half-written case
 *   kill      the app killed with SIGKILL during writes, then restarted (PostgreSQL and PGlite): data consistent
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { build, log } from "./lib/harness";
import { ROOT } from "./lib/project-copy";
import { args, check, dir, results, type Result } from "./drill/context";
import { drillEnv } from "./drill/env";
import { drillLlm } from "./drill/llm";
import { drillModel } from "./drill/model";
import { drillKill, drillPostgres } from "./drill/postgres";
import { drillPglite } from "./drill/pglite";

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
