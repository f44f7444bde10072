import { afterEach, describe, expect, it } from "vitest";
import { beginShutdown, isShuttingDown, onShutdown, readShutdownSettings, registeredDrains, runDrains, STAGE } from "./shutdown-registry.mjs";

const KEY = Symbol.for("lantern.shutdown");
afterEach(() => {
  delete (globalThis as Record<symbol, unknown>)[KEY];
});

describe("shutdown registry", () => {
  it("keeps its state on globalThis, where every copy of the module (one per Next bundle) finds it", () => {
    onShutdown("model", () => {});
    beginShutdown();
    const shared = (globalThis as Record<symbol, { shuttingDown: boolean; drains: Map<string, unknown> }>)[KEY];
    expect(shared?.shuttingDown).toBe(true);
    expect([...(shared?.drains.keys() ?? [])]).toEqual(["model"]);
  });

  it("runs the work stage before the connections stage, the drains of a stage together", async () => {
    const events: string[] = [];
    const slow = (name: string, ms: number) => async () => {
      events.push(`${name} start`);
      await new Promise((r) => setTimeout(r, ms));
      events.push(`${name} end`);
    };
    onShutdown("database", slow("database", 5), STAGE.connections);
    onShutdown("jobs", slow("jobs", 60));
    onShutdown("outbox", slow("outbox", 10));
    const { ok, results } = await runDrains(2_000);
    expect(ok).toBe(true);
    expect(events).toEqual(["jobs start", "outbox start", "outbox end", "jobs end", "database start", "database end"]);
    expect(results.map((r) => [r.name, r.outcome])).toEqual([
      ["jobs", "done"],
      ["outbox", "done"],
      ["database", "done"],
    ]);
  });

  it("a failing or hanging drain is reported, the others still run, and the whole stays within its time", async () => {
    let closed = false;
    onShutdown("tagger", () => new Promise(() => {}));
    onShutdown("outbox", async () => {
      throw new Error("disk full");
    });
    onShutdown("database", () => void (closed = true), STAGE.connections);
    const started = Date.now();
    const { ok, results } = await runDrains(200);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(ok).toBe(false);
    expect(Object.fromEntries(results.map((r) => [r.name, r.outcome]))).toEqual({ tagger: "timed out", outbox: "failed", database: "timed out" });
    expect(closed).toBe(false); // the deadline had passed: nothing more was started
  });

  it("registering a name again replaces it (each bundle registers the same drains)", () => {
    onShutdown("model", () => {});
    onShutdown("model", () => {});
    expect(registeredDrains()).toEqual(["model"]);
    expect(isShuttingDown()).toBe(false);
    beginShutdown();
    expect(isShuttingDown()).toBe(true);
  });

  it("reads and checks the timings", () => {
    expect(readShutdownSettings({})).toEqual({ delayMs: 0, graceMs: 10_000, drainMs: 5_000 });
    // Behind a balancer the instance keeps serving for 5 s after SIGTERM unless told otherwise.
    expect(readShutdownSettings({ LANTERN_INSTANCES: "2" })).toMatchObject({ delayMs: 5_000 });
    expect(readShutdownSettings({ LANTERN_INSTANCES: "2", LANTERN_SHUTDOWN_DELAY_MS: "0" })).toMatchObject({ delayMs: 0 });
    expect(readShutdownSettings({ LANTERN_SHUTDOWN_DELAY_MS: "1500", LANTERN_SHUTDOWN_GRACE_MS: "", LANTERN_SHUTDOWN_DRAIN_MS: "0" })).toEqual({
      delayMs: 1500,
      graceMs: 10_000,
      drainMs: 0,
    });
    expect(() => readShutdownSettings({ LANTERN_SHUTDOWN_GRACE_MS: "ten" })).toThrow(/LANTERN_SHUTDOWN_GRACE_MS/);
    expect(() => readShutdownSettings({ LANTERN_SHUTDOWN_GRACE_MS: "-1" })).toThrow(/0 to 120000/);
  });
});
