/**
 * The operator commands end to end, as a person runs them (npm run user / purge /
 * export:feedback), against a real embedded database folder.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/db/connect";
import { verifyPassword } from "@/lib/auth/password";
import { daysAgo, makeCase } from "./fixtures";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");
let dataDir: string;

async function npm(script: string, ...args: string[]) {
  const env = { ...process.env, LANTERN_DATA_DIR: dataDir, DATABASE_URL: "" };
  try {
    const { stdout, stderr } = await run("npm", ["run", "-s", script, "--", ...args], { cwd: root, env });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

async function withDb<T>(fn: (db: Awaited<ReturnType<typeof openDatabase>>["prisma"]) => Promise<T>): Promise<T> {
  const h = await openDatabase({ databaseUrl: null, dataDir });
  try {
    return await fn(h.prisma);
  } finally {
    await h.close();
  }
}

beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lantern-cli-"));
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe("npm run user", () => {
  it("adds a user with a generated password printed once, then resets it (ending sessions)", async () => {
    const add = await npm("user", "add", "--email", "Cli.Person@Example.org", "--role", "clinician");
    expect(add.code).toBe(0);
    const password = /^\s{4}(\S+)$/m.exec(add.stdout)?.[1];
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    await withDb(async (db) => {
      const u = await db.user.findUniqueOrThrow({ where: { email: "cli.person@example.org" } });
      expect(u.role).toBe("CLINICIAN");
      expect(await verifyPassword(u.passwordHash!, password!)).toBe(true);
    });

    const reset = await npm("user", "reset", "--email", "cli.person@example.org");
    const newPassword = /^\s{4}(\S+)$/m.exec(reset.stdout)?.[1];
    expect(newPassword).toBeTruthy();
    expect(newPassword).not.toBe(password);
    await withDb(async (db) => {
      const u = await db.user.findUniqueOrThrow({ where: { email: "cli.person@example.org" } });
      expect(u).toMatchObject({ disabled: false, sessionVersion: 1 });
      expect(await verifyPassword(u.passwordHash!, newPassword!)).toBe(true);
      const actions = (await db.auditEvent.findMany({ orderBy: { id: "asc" } })).map((e) => [e.action, e.actorRole]);
      expect(actions).toEqual([["user.create", "SYSTEM:cli"], ["user.reset", "SYSTEM:cli"]]);
    });
  }, 120_000);

  it("explains bad input without a stack trace", async () => {
    const bad = await npm("user", "add", "--email", "x@y.org", "--role", "superuser");
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/--role must be admin, clinician or outreach/);
    const short = await npm("user", "add", "--email", "x@y.org", "--role", "admin", "--password", "short");
    expect(short.stderr).toMatch(/at least 12/);
    expect(short.stderr).not.toMatch(/\n\s+at /);
  }, 120_000);
});

describe("npm run purge and export:feedback", () => {
  it("purges only expired cases and exports labelled ones as JSONL", async () => {
    const ids = await withDb(async (db) => {
      const old = await makeCase(db, { createdOn: daysAgo(400) });
      const fresh = await makeCase(db, { createdOn: daysAgo(1), labels: ["anxiety"], text: "fresh redacted text" });
      const clinician = await db.user.findUniqueOrThrow({ where: { email: "cli.person@example.org" } });
      for (const label of ["depression", "anxiety", "bipolar", "suicidal"]) {
        await db.caseLabel.create({ data: { caseId: fresh.id, clinicianId: clinician.id, label, present: label === "anxiety" } });
      }
      return { old: old.id, fresh: fresh.id, freshRef: fresh.reference };
    });

    const purge = await npm("purge");
    expect(purge.stdout).toMatch(/Purged 1 case/);

    const out = path.join(dataDir, "feedback.jsonl");
    const exp = await npm("export:feedback", "--out", out);
    expect(exp.code).toBe(0);
    const lines = fs.readFileSync(out, "utf8").trim().split("\n").map((l) => JSON.parse(l));
    expect(lines).toEqual([expect.objectContaining({ id: ids.freshRef, text: "fresh redacted text", label: "anxiety", labels: ["anxiety"] })]);
    expect(fs.statSync(out).mode & 0o077).toBe(0);

    await withDb(async (db) => {
      expect(await db.case.findUnique({ where: { id: ids.old } })).toBeNull();
      expect(await db.case.findUnique({ where: { id: ids.fresh } })).not.toBeNull();
      expect(await db.auditEvent.count({ where: { action: "case.purge", caseId: ids.old } })).toBe(1);
      expect(await db.auditEvent.count({ where: { action: "feedback.export" } })).toBe(1);
    });
  }, 180_000);
});
