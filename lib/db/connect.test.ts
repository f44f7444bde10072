/** The embedded database's start-up failures give one clear message (issue 5 fault drills). */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawn } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { DatabaseStartupError, describeUrl, lockDataDir, openDatabase } from "./connect";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "lantern-connect-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe("PGlite data folder lock", () => {
  it("refuses a folder held by another live process, naming it", async () => {
    const dir = path.join(tmp, "held");
    fs.mkdirSync(dir);
    const other = spawn(process.execPath, ["-e", "setTimeout(() => {}, 30000)"], { stdio: "ignore" });
    try {
      fs.writeFileSync(path.join(dir, ".lantern.lock"), String(other.pid));
      const err = await openDatabase({ databaseUrl: null, dataDir: dir }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DatabaseStartupError);
      expect((err as Error).message).toMatch(new RegExp(`in use by another process \\(pid ${other.pid}\\)`));
      expect((err as Error).message).toMatch(/DATABASE_URL/);
    } finally {
      other.kill();
    }
  });

  it("takes over a stale lock left by a dead process, and releases its own", () => {
    const dir = path.join(tmp, "stale");
    fs.mkdirSync(dir);
    const lock = path.join(dir, ".lantern.lock");
    fs.writeFileSync(lock, "2147483646"); // no such pid
    const release = lockDataDir(dir);
    expect(fs.readFileSync(lock, "utf8")).toBe(String(process.pid));
    expect(() => lockDataDir(dir)).toThrow(/already open in this process/);
    release();
    expect(fs.existsSync(lock)).toBe(false);
  });
});

describe("damaged PGlite folder", () => {
  it("gives one clear message instead of a wasm error", async () => {
    const dir = path.join(tmp, "damaged");
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, "PG_VERSION"), "17\n");
    const err = await openDatabase({ databaseUrl: null, dataDir: dir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DatabaseStartupError);
    expect((err as Error).message).toMatch(/could not be opened; the folder may be damaged/);
    expect(fs.existsSync(path.join(dir, ".lantern.lock"))).toBe(false); // lock released
  }, 60_000);
});

describe("PostgreSQL server unreachable", () => {
  it("says which server (without credentials) could not be reached", async () => {
    const url = "postgresql://user:s3cret@127.0.0.1:1/lantern";
    const err = await openDatabase({ databaseUrl: url }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DatabaseStartupError);
    expect((err as Error).message).toContain("127.0.0.1:1/lantern");
    expect((err as Error).message).not.toContain("s3cret");
    expect(describeUrl(url)).toBe("PostgreSQL at 127.0.0.1:1/lantern");
  });
});
