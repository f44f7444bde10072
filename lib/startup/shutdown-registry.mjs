// The process's shutdown state and the drain functions the app registers, shared by the front server
// (scripts/serve.mjs, plain Node) and the app's bundles. Plain JavaScript so the server can import it without a build
// step; the state lives on globalThis under a registered symbol, so every copy of this module (Next bundles it into
// each route and the instrumentation apart) reads and writes the same one.
const KEY = Symbol.for("lantern.shutdown");

/** Stages run in order; drains within a stage run at the same time. */
export const STAGE = Object.freeze({
  /** Work that still needs the database: background jobs, the outbox, the model and tagger threads. */
  work: 1,
  /** Connections, closed once no work needs them. */
  connections: 2,
});

function state() {
  globalThis[KEY] ??= { shuttingDown: false, drains: new Map() };
  return globalThis[KEY];
}

/**
 * Registers a drain under a name; registering the same name again replaces it (one entry per resource, however many
 * bundles register it). A drain is called with the milliseconds it has left.
 */
export function onShutdown(name, drain, stage = STAGE.work) {
  state().drains.set(name, { drain, stage });
}

/** True once the process has been told to stop: /api/ready answers 503 from then on. */
export function isShuttingDown() {
  return state().shuttingDown;
}

export function beginShutdown() {
  state().shuttingDown = true;
}

export function registeredDrains() {
  return [...state().drains.keys()];
}

/**
 * Runs every registered drain, stage by stage, all within `timeoutMs` together. Never throws: each drain's outcome
 * is "done", "failed" or "timed out" (a drain still running at the deadline is left behind; the process exits).
 */
export async function runDrains(timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  const entries = [...state().drains].map(([name, d]) => ({ name, ...d }));
  const stages = [...new Set(entries.map((e) => e.stage))].sort((a, b) => a - b);
  const results = [];
  for (const stage of stages) {
    const group = entries.filter((e) => e.stage === stage);
    results.push(...(await Promise.all(group.map((e) => runOne(e, deadline)))));
  }
  return { ok: results.every((r) => r.outcome === "done"), results };
}

async function runOne({ name, drain }, deadline) {
  const started = Date.now();
  if (started >= deadline) return { name, outcome: "timed out", ms: 0 }; // an earlier stage used the time up
  let timer;
  const late = new Promise((resolve) => {
    timer = setTimeout(() => resolve("timed out"), Math.max(0, deadline - started));
  });
  const work = Promise.resolve()
    .then(() => drain(deadline - started))
    .then(
      () => "done",
      () => "failed",
    );
  const outcome = await Promise.race([work, late]);
  clearTimeout(timer);
  return { name, outcome, ms: Date.now() - started };
}

/**
 * The shutdown timings (declared with the rest of the configuration in lib/env.ts), validated for the front server:
 * LANTERN_SHUTDOWN_DELAY_MS, how long the instance answers /api/ready with 503 while still serving, so a load
 * balancer that polls it stops sending new requests before the listener closes (default 5 s when LANTERN_INSTANCES > 1:
 * closing the listener resets connections a balancer has already opened but the server has not yet accepted, and with
 * one instance there is no balancer to wait for, so 0); LANTERN_SHUTDOWN_GRACE_MS,
 * how long requests in flight get to finish once it closes (default 10 s); LANTERN_SHUTDOWN_DRAIN_MS, how long the
 * drains get after that (default 5 s).
 */
export function readShutdownSettings(env) {
  const read = (name, fallback) => {
    const raw = env[name];
    if (raw === undefined || raw === "") return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0 || n > 120_000) throw new Error(`${name} must be a whole number of milliseconds from 0 to 120000 (got "${raw}")`);
    return n;
  };
  return {
    delayMs: read("LANTERN_SHUTDOWN_DELAY_MS", Number(env.LANTERN_INSTANCES) > 1 ? 5_000 : 0),
    graceMs: read("LANTERN_SHUTDOWN_GRACE_MS", 10_000),
    drainMs: read("LANTERN_SHUTDOWN_DRAIN_MS", 5_000),
  };
}
