/**
 * npm run bench:ops
 * Benchmark (not a timed test) of what the metrics add to the server: the work done per request by the front server
 * (route template lookup + histogram observation, lib/metrics/http.mjs) and the time to render one Prometheus scrape
 * with every route of the build, several statuses and the default process metrics. Needs a build (.next) for the
 * real routes manifest.
 */
import { EventEmitter } from "node:events";
import path from "node:path";
import { observeRequest, routeLabeler } from "../lib/metrics/http.mjs";
import { lanternMetrics, scrape } from "../lib/metrics/registry.mjs";

const ROOT = path.resolve(import.meta.dirname, "..");
const label = routeLabeler(path.join(ROOT, ".next"));
const PATHS = ["/", "/review/6f1c2b7e-3a6d-4c8e-9f00-123456789abc", "/api/self-check", "/_next/static/chunks/a1b2.js", "/wp-login.php", "/api/auth/session", "/follow-up?_rsc=1x2y"];
const METHODS = ["GET", "POST"];
const STATUSES = [200, 303, 404, 429, 500];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Nanoseconds per request for the label lookup and the observation, with a stand-in request/response pair. */
function perRequestNs(n: number): number {
  const started = process.hrtime.bigint();
  for (let i = 0; i < n; i++) {
    const res = Object.assign(new EventEmitter(), { headersSent: true, statusCode: STATUSES[i % STATUSES.length] });
    const req = { method: METHODS[i % 2], url: PATHS[i % PATHS.length] };
    observeRequest(req as never, res as never, label);
    res.emit("close");
  }
  return Number(process.hrtime.bigint() - started) / n;
}

/** The same loop without the metrics: what the stand-in objects cost alone. */
function baselineNs(n: number): number {
  const started = process.hrtime.bigint();
  for (let i = 0; i < n; i++) {
    const res = Object.assign(new EventEmitter(), { headersSent: true, statusCode: STATUSES[i % STATUSES.length] });
    res.once("close", () => {});
    res.emit("close");
  }
  return Number(process.hrtime.bigint() - started) / n;
}

async function main() {
  const N = 100_000;
  perRequestNs(10_000);
  baselineNs(10_000);
  const runs = Array.from({ length: 7 }, () => perRequestNs(N) - baselineNs(N));
  // Every route of the build x methods x statuses: more series than a real instance ever has.
  const routes = new Set(PATHS.map((p) => label(p)));
  const m = lanternMetrics();
  for (const route of routes) for (const method of METHODS) for (const status of STATUSES) m.httpDuration.observe({ method, route, status: String(status) }, 0.05);
  await scrape();
  const scrapes: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 50; i++) {
    const t = performance.now();
    bytes = (await scrape()).body.length;
    scrapes.push(performance.now() - t);
  }
  const series = (await scrape()).body.split("\n").filter((l) => l && !l.startsWith("#")).length;
  console.log(`metrics per request (route label + histogram observation), median of 7 x ${N.toLocaleString("en-US")}: ${(median(runs) / 1000).toFixed(2)} us`);
  console.log(`one scrape: median ${median(scrapes).toFixed(2)} ms for ${series} series (${(bytes / 1024).toFixed(1)} KB), 50 scrapes`);
}

void main();
