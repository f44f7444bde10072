import { spawn } from "node:child_process";
import { once } from "node:events";
import { describe, expect, it } from "vitest";
import { cpuPerRequest, cpuSnapshot, type CpuSnapshot } from "./cpu-accounting";

describe("load bench CPU accounting", () => {
  it("splits CPU per request by where it was spent, and the ceiling that puts on the machine", () => {
    const before: CpuSnapshot = { serverMain: 1_000, serverOther: 2_000, postgres: 500, driver: 300 };
    const after: CpuSnapshot = { serverMain: 6_000, serverOther: 22_000, postgres: 1_500, driver: 2_300 };
    const cpu = cpuPerRequest(before, after, 1_000, 2);
    expect(cpu).toEqual({ serverMainThreadMs: 5, serverOtherThreadsMs: 20, postgresMs: 1, loadDriverMs: 2, totalMs: 28, cpuBoundCeilingPerSecond: 71 });
  });

  it("leaves out what it could not read", () => {
    const a: CpuSnapshot = { serverMain: 0, serverOther: 0, postgres: null, driver: 0 };
    expect(cpuPerRequest(a, { ...a, serverMain: 1_000 }, 100, 2)).toMatchObject({ postgresMs: null, totalMs: 10, cpuBoundCeilingPerSecond: 200 });
    expect(cpuPerRequest(null, a, 100, 2)).toBeNull();
    expect(cpuPerRequest(a, a, 0, 2)).toBeNull();
  });

  it.runIf(process.platform === "linux")("reads a real busy process's CPU from /proc", async () => {
    const child = spawn(process.execPath, ["-e", "const end = Date.now() + 400; while (Date.now() < end);"]);
    const before = cpuSnapshot(child.pid);
    await once(child, "spawn");
    await new Promise((r) => setTimeout(r, 350));
    const during = cpuSnapshot(child.pid);
    await once(child, "exit");
    expect(before).not.toBeNull();
    expect(during!.serverMain - before!.serverMain).toBeGreaterThanOrEqual(100);
    expect(cpuSnapshot(child.pid)).toBeNull();
  });
});
