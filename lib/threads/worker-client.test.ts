import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { WorkerClient } from "./worker-client";

// A real worker thread running a tiny .mjs file that speaks the protocol.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lantern-worker-"));
const echo = path.join(dir, "echo.mjs");
fs.writeFileSync(
  echo,
  `import { parentPort } from "node:worker_threads";
parentPort.postMessage({ type: "ready" });
parentPort.on("message", ({ id, n, crash }) => {
  if (crash) process.exit(3);
  if (n < 0) parentPort.postMessage({ type: "error", id, message: "negative" });
  else setTimeout(() => parentPort.postMessage({ type: "result", id, value: n * 2 }), 5 - (n % 5));
});`,
);
const failing = path.join(dir, "failing.mjs");
fs.writeFileSync(failing, `import { parentPort } from "node:worker_threads";\nparentPort.postMessage({ type: "failed", message: "model missing" });`);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("WorkerClient", () => {
  it("matches each answer to its request, and passes errors through", async () => {
    const c = new WorkerClient<{ n: number }, number>(echo);
    expect(await Promise.all([1, 2, 3, 4, 5, 6].map((n) => c.call({ n })))).toEqual([2, 4, 6, 8, 10, 12]);
    await expect(c.call({ n: -1 })).rejects.toThrow("negative");
    await c.close();
  });

  it("a worker that dies fails the calls in flight; the next call starts a new worker", async () => {
    const c = new WorkerClient<{ n: number; crash?: boolean }, number>(echo);
    const slow = c.call({ n: 1 });
    await expect(c.call({ n: 0, crash: true })).rejects.toThrow(/exited with code 3/);
    await expect(slow).rejects.toThrow(/exited/);
    expect(await c.call({ n: 21 })).toBe(42);
    await c.close();
  });

  it("drain() lets every call in flight finish, then stops the worker", async () => {
    const c = new WorkerClient<{ n: number }, number>(echo);
    const inFlight = [3, 4, 7].map((n) => c.call({ n }));
    let drained = false;
    const draining = c.drain().then(() => (drained = true));
    expect(drained).toBe(false);
    expect(await Promise.all(inFlight)).toEqual([6, 8, 14]);
    await draining;
    expect(drained).toBe(true);
    await c.drain(); // idle: stops at once
  });

  it("close() fails the calls in flight instead of leaving them waiting", async () => {
    const c = new WorkerClient<{ n: number }, number>(echo);
    await c.start();
    const slow = c.call({ n: 0 }).then(
      () => "answered",
      (err: Error) => err.message,
    ); // answered after 5 ms unless closed first
    await new Promise((r) => setImmediate(r)); // the request is posted
    await c.close();
    expect(await slow).toMatch(/was closed/);
  });

  it("close() while the worker is still starting fails the calls waiting for it", async () => {
    const c = new WorkerClient<{ n: number }, number>(echo);
    const waiting = c.call({ n: 2 }).then(
      () => "answered",
      (err: Error) => err.message,
    );
    await c.close();
    expect(await waiting).toMatch(/was closed/);
  });

  it("a worker that can't start says why", async () => {
    await expect(new WorkerClient(failing).start()).rejects.toThrow("model missing");
    await expect(new WorkerClient(path.join(dir, "missing.mjs")).call({})).rejects.toThrow();
  });
});
