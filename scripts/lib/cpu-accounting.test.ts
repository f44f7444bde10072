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
    // The child spins until it has used 300 ms of CPU (not of wall time: on a loaded machine a wall-time spin
    // gets only a share of a core), reports its own count, and stays alive until stdin closes so /proc can
    // be read after the work. The /proc figures are then compared with the child's own.
    const script = `
      const used = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
      const start = used();
      while (used() - start < 300);
      process.stdout.write(JSON.stringify({ start, end: used() }) + "\\n");
      process.stdin.resume();
      process.stdin.on("end", () => process.exit(0));`;
    const child = spawn(process.execPath, ["-e", script], { stdio: ["pipe", "pipe", "inherit"] });
    await once(child, "spawn");
    const before = cpuSnapshot(child.pid);
    const [line] = (await once(child.stdout!, "data")) as [Buffer];
    const own = JSON.parse(line.toString()) as { start: number; end: number };
    const during = cpuSnapshot(child.pid);
    child.stdin!.end();
    await once(child, "exit");
    expect(before).not.toBeNull();
    const main = during!.serverMain - before!.serverMain;
    const total = main + during!.serverOther - before!.serverOther;
    // The child used at least 300 ms while it was watched (less a 10 ms tick of rounding at each end), and
    // the spin ran on the main thread, so most of it is counted there (V8's helper threads take the rest).
    expect(total).toBeGreaterThanOrEqual(300 - 20);
    expect(main).toBeGreaterThan(total / 2);
    // All threads together match the child's own count: no more than what it used in all (plus rounding
    // and the little it did after reporting), so nothing is counted twice.
    expect(total).toBeLessThanOrEqual(own.end + 50);
    expect(cpuSnapshot(child.pid)).toBeNull();
  });
});
