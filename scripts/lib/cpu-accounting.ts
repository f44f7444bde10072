import { readFileSync, readdirSync } from "node:fs";

/**
 * Where a load run's CPU goes, read from /proc (Linux): the server's main thread, its other threads (the ONNX
 * session's and the anonymizer's worker threads, onnxruntime's pool, V8's GC helpers), the local PostgreSQL
 * server's processes and this driver process. On other systems, or when a pid is gone, the figures are absent.
 */
export interface CpuSnapshot {
  serverMain: number;
  serverOther: number;
  postgres: number | null;
  driver: number;
}

const TICK_MS = 10; // USER_HZ is 100 on every Linux build Node supports

/** utime + stime of a /proc stat line, in ms (fields 14 and 15; the name in parentheses may hold spaces). */
function statMs(file: string): number | null {
  try {
    const fields = readFileSync(file, "utf8").replace(/^.*\) /s, "").split(" ");
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return null;
  }
}

function postgresMs(): number | null {
  let total = 0;
  let found = false;
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      if (readFileSync(`/proc/${pid}/comm`, "utf8").trim() !== "postgres") continue;
    } catch {
      continue;
    }
    const ms = statMs(`/proc/${pid}/stat`);
    if (ms !== null) {
      total += ms;
      found = true;
    }
  }
  return found ? total : null;
}

export function cpuSnapshot(serverPid: number | undefined): CpuSnapshot | null {
  if (process.platform !== "linux" || !serverPid) return null;
  let serverMain = 0;
  let serverOther = 0;
  try {
    for (const tid of readdirSync(`/proc/${serverPid}/task`)) {
      const ms = statMs(`/proc/${serverPid}/task/${tid}/stat`) ?? 0;
      if (Number(tid) === serverPid) serverMain += ms;
      else serverOther += ms;
    }
  } catch {
    return null;
  }
  const own = process.cpuUsage();
  return { serverMain, serverOther, postgres: postgresMs(), driver: (own.user + own.system) / 1000 };
}

/**
 * CPU ms per answered request between two snapshots, and the ceiling that cost puts on this machine:
 * `cores` seconds of CPU per second divided by the CPU one request costs. A thread that started between the
 * snapshots counts in full; one that ended between them (a restarted worker) is missed, so these are floors.
 */
export function cpuPerRequest(before: CpuSnapshot | null, after: CpuSnapshot | null, requests: number, cores: number) {
  if (!before || !after || requests === 0) return null;
  const per = (a: number | null, b: number | null) => (a === null || b === null ? null : Math.round(((b - a) / requests) * 10) / 10);
  const parts = {
    serverMainThreadMs: per(before.serverMain, after.serverMain),
    serverOtherThreadsMs: per(before.serverOther, after.serverOther),
    postgresMs: per(before.postgres, after.postgres),
    loadDriverMs: per(before.driver, after.driver),
  };
  const totalMs = Math.round(Object.values(parts).reduce<number>((n, v) => n + (v ?? 0), 0) * 10) / 10;
  return { ...parts, totalMs, cpuBoundCeilingPerSecond: totalMs > 0 ? Math.round((cores * 1000) / totalMs) : null };
}
