/**
 * Fault drill for the embedded database: a process killed (SIGKILL) in the middle of writing
 * cases leaves a folder that reopens, keeps every committed case, and has no half-written one.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { openDatabase } from "./connect";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "lantern-crash-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

it("keeps every committed case after a SIGKILL mid-write, and reopens (stale lock taken over)", async () => {
  const dir = path.join(tmp, "pglite");
  const child = spawn(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "../../test/support/crash-writer.ts"), dir], {
    cwd: process.cwd(),
    stdio: ["ignore", "pipe", "pipe"],
  });
  const committed: string[] = [];
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  await new Promise<void>((resolve, reject) => {
    let buf = "";
    child.stdout.on("data", (d: Buffer) => {
      buf += d.toString();
      let nl;
      while ((nl = buf.indexOf("\n")) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        if (line.startsWith("committed ")) committed.push(line.slice(10));
        if (committed.length >= 25) {
          child.kill("SIGKILL");
          resolve();
        }
      }
    });
    child.on("exit", () => (committed.length >= 25 ? resolve() : reject(new Error(`writer exited early: ${stderr}`))));
  });
  await new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r(null) : child.once("exit", r)));

  const db = await openDatabase({ databaseUrl: null, dataDir: dir, migrate: true });
  try {
    const keys = new Set((await db.prisma.case.findMany({ select: { submissionKey: true } })).map((c) => c.submissionKey));
    for (const k of committed) expect(keys.has(k)).toBe(true);
    // One transaction per case: every case has its audit row, no orphan rows either way.
    const cases = await db.prisma.case.count();
    const audits = await db.prisma.auditEvent.count({ where: { action: "test.crash" } });
    expect(audits).toBe(cases);
    expect(cases).toBeGreaterThanOrEqual(committed.length);
    expect(cases).toBeLessThanOrEqual(committed.length + 1);
  } finally {
    await db.close();
  }
}, 120_000);
