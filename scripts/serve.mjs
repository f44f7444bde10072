// The production HTTP server behind `npm start`, the container image and the browser tests: Next's request handler
// behind a plain Node server that
// - decides, from the socket, which address each request comes from. A route handler only sees headers, and
//   X-Forwarded-For is whatever the client wrote unless a proxy we trust appended to it, so the address is decided
//   here and passed on in one header the client cannot set (lib/rate-limit/forwarded.mjs):
//     TRUSTED_PROXY_HOPS=0 (default): the socket's peer; any X-Forwarded-For is ignored.
//     TRUSTED_PROXY_HOPS=N: the Nth entry from the right of X-Forwarded-For (N proxies that each append).
//   X-Forwarded-For and X-Real-IP are rewritten to the same address, so nothing downstream reads the client's own.
// - times every request for Prometheus by route template (lib/metrics/http.mjs);
// - shuts down gracefully on SIGTERM or SIGINT (docs/deploy.md): /api/ready answers 503 at once (the load balancer
//   drains this instance), the listener closes after LANTERN_SHUTDOWN_DELAY_MS, requests in flight get
//   LANTERN_SHUTDOWN_GRACE_MS to finish, then the app's drains run (lib/startup/drains.ts: model and tagger threads,
//   outbox, jobs, then the database) within LANTERN_SHUTDOWN_DRAIN_MS. Exit code 0 when everything finished in time,
//   1 when something had to be cut off. Repeated signals change nothing (Ctrl-C under `npm start` reaches this
//   process twice: from the terminal and from scripts/start.mjs); the timings bound the whole shutdown.
import { createServer } from "node:http";
import path from "node:path";
import next from "next";
import { observeRequest, routeLabeler } from "../lib/metrics/http.mjs";
import { readTrustedProxyHops, withClientAddress } from "../lib/rate-limit/forwarded.mjs";
import { beginShutdown, isShuttingDown, readShutdownSettings, runDrains } from "../lib/startup/shutdown-registry.mjs";

const root = path.resolve(import.meta.dirname, "..");
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME ?? "localhost";

let hops;
let timings;
try {
  hops = readTrustedProxyHops(process.env.TRUSTED_PROXY_HOPS);
  timings = readShutdownSettings(process.env);
} catch (err) {
  console.error(`Lantern cannot start: ${err.message}`);
  process.exit(78);
}
// Tells the app (same process) that every request carries the address decided here (lib/rate-limit/client-key.ts).
process.env.LANTERN_FRONT_SERVER = "1";
process.env.NODE_ENV = "production";

const app = next({ dev: false, dir: root, hostname, port });
const handle = app.getRequestHandler();
const stamped = withClientAddress(handle, hops);
let labelRoute = () => "other";

let inFlight = 0;
let whenIdle = null;
const server = createServer((req, res) => {
  inFlight++;
  res.once("close", () => {
    inFlight--;
    if (inFlight === 0) whenIdle?.();
  });
  // Once shutting down, each answer closes its connection: a keep-alive client comes back through the balancer.
  // Decided when the headers go out, not when the request came in: a request that arrived just before SIGTERM and is
  // answered after it (a 503 from /api/ready among them) closes its connection too.
  const writeHead = res.writeHead;
  res.writeHead = function (...args) {
    if (isShuttingDown()) res.setHeader("connection", "close");
    return writeHead.apply(this, args);
  };
  observeRequest(req, res, labelRoute);
  Promise.resolve(stamped(req, res)).catch((err) => {
    console.error("[lantern] request failed before the app could answer:", err?.name ?? "error");
    if (!res.headersSent) {
      res.statusCode = 500;
      res.end();
    }
  });
});

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    if (!stopping) void shutDown(signal);
  });
}

await app.prepare();
labelRoute = routeLabeler(path.join(root, ".next"));
// PORT=0 takes a free port (tests); the line names the one taken.
if (!stopping) server.listen(port, hostname, () => console.log(`Lantern: ready on http://${hostname}:${server.address().port}`));

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves true once no request is in flight, false if some still are after `ms`. */
function requestsFinished(ms) {
  if (inFlight === 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    whenIdle = () => {
      clearTimeout(timer);
      resolve(true);
    };
  });
}

async function shutDown(signal) {
  stopping = true;
  const started = Date.now();
  beginShutdown();
  console.log(`[lantern] ${signal}: shutting down (not ready; ${inFlight} request(s) in flight)`);
  if (timings.delayMs > 0) await sleep(timings.delayMs);
  server.close();
  // Idle keep-alive connections would hold the server open; connections that finish an answer are closed as it ends.
  server.closeIdleConnections();
  const sweeper = setInterval(() => server.closeIdleConnections(), 100);
  const finished = await requestsFinished(timings.graceMs);
  clearInterval(sweeper);
  if (!finished) console.error(`[lantern] ${inFlight} request(s) still in flight after ${timings.graceMs} ms: closing their connections`);
  // Every connection left is idle (or cut short above): none may bring a request in while the app drains.
  server.closeAllConnections();
  const drained = await runDrains(timings.drainMs);
  const summary = drained.results.map((r) => `${r.name} ${r.outcome} (${r.ms} ms)`).join(", ");
  console.log(`[lantern] drained: ${summary || "nothing registered"}; stopped in ${Date.now() - started} ms`);
  process.exit(finished && drained.ok ? 0 : 1);
}
