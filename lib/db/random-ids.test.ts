import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { openDatabase, type DbHandle } from "./connect";
import { applyMigrations, migrationsDir } from "./schema-engine";
import { createTestDatabase, forEachDatabase } from "@/test/support/db";

// Ids must say nothing about when a row was made: they are in URLs (/review/<id>), exports and the audit trail.
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const RE_KEYING = "20261202060000_random_ids";

/** A cuid v1 as Prisma made them: "c", the time in ms (base 36), then counter, fingerprint and random blocks. */
function cuidAt(ms: number, n: number): string {
  return `c${ms.toString(36)}${n.toString(36).padStart(4, "0")}abcd${Math.random().toString(36).slice(2, 10).padEnd(8, "0")}`;
}
const timeOfCuid = (id: string) => parseInt(id.slice(1, 9), 36);

forEachDatabase((getDb) => {
  it("new rows get random v4 ids", async () => {
    const db = getDb();
    const user = await db.user.create({ data: { email: `${randomUUID()}@x.org`, role: "CLINICIAN" } });
    expect(user.id).toMatch(UUID_V4);
    const c = await db.case.create({
      data: {
        reference: "LNT-AAAA-BBBB",
        submissionKey: randomUUID(),
        createdOn: new Date("2026-12-02T00:00:00Z"),
        redactedText: "x",
        probabilities: {},
        labels: [],
        topLabel: "none",
        tier: "LOW",
        confidence: 0.1,
        evidence: [],
        modelName: "m",
        modelVersion: "1",
        resourcesShown: [],
        country: "US",
      },
    });
    expect(c.id).toMatch(UUID_V4);
    const note = await db.caseNote.create({ data: { caseId: c.id, authorId: user.id, body: "n" } });
    expect(note.id).toMatch(UUID_V4);
  });
});

async function migrateUpTo(handle: DbHandle, last: string): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lantern-migrations-"));
  fs.copyFileSync(path.join(migrationsDir(), "migration_lock.toml"), path.join(dir, "migration_lock.toml"));
  for (const name of fs.readdirSync(migrationsDir()).sort()) {
    if (name >= last || !fs.statSync(path.join(migrationsDir(), name)).isDirectory()) continue;
    fs.cpSync(path.join(migrationsDir(), name), path.join(dir, name), { recursive: true });
  }
  await applyMigrations(handle.adapterFactory, dir);
}

async function checkReKeying(handle: DbHandle) {
  const db = handle.prisma;
  await migrateUpTo(handle, RE_KEYING);
  const t0 = Date.UTC(2026, 10, 28, 14, 3, 27, 512);
  const [user, gone, kase, deletedCase, note, label] = [0, 1, 2, 3, 4, 5].map((n) => cuidAt(t0 + n * 1000, n)) as [string, string, string, string, string, string];
  await db.$executeRawUnsafe(`INSERT INTO "User" ("id","email","role","updatedAt") VALUES ($1,'old@x.org','CLINICIAN',now())`, user);
  await db.$executeRawUnsafe(
    `INSERT INTO "Case" ("id","reference","submissionKey","createdOn","redactedText","probabilities","labels","topLabel","tier","confidence","evidence","modelName","modelVersion","resourcesShown","country","claimedById")
     VALUES ($1,'LNT-OLD1-CASE','k-1','2026-11-28','x','{}','{}','none','LOW',0.1,'[]','m','1','{}','US',$2)`,
    kase,
    user,
  );
  await db.$executeRawUnsafe(`INSERT INTO "CaseNote" ("id","caseId","authorId","body") VALUES ($1,$2,$3,'n')`, note, kase, user);
  await db.$executeRawUnsafe(`INSERT INTO "CaseLabel" ("id","caseId","clinicianId","label","present","updatedAt") VALUES ($1,$2,$3,'depression',true,now())`, label, kase, user);
  const audit = [
    [user, kase, { noteId: note }],
    [user, deletedCase, { reference: "LNT-GONE-0001" }],
    [null, null, { userId: gone, role: "OUTREACH" }],
    [user, null, { userId: user }],
  ] as const;
  for (const [actorId, caseId, details] of audit) {
    await db.$executeRawUnsafe(`INSERT INTO "AuditEvent" ("actorId","actorRole","action","caseId","details") VALUES ($1,'CLINICIAN','case.note',$2,$3::jsonb)`, actorId, caseId, JSON.stringify(details));
  }
  expect(Math.abs(timeOfCuid(kase) - (t0 + 2000))).toBeLessThan(2); // the leak being fixed: the save time, to the ms

  expect(await applyMigrations(handle.adapterFactory)).toContain(RE_KEYING);

  const users = await db.user.findMany();
  const cases = await db.case.findMany();
  const notes = await db.caseNote.findMany();
  const labels = await db.caseLabel.findMany();
  const events = await db.auditEvent.findMany({ orderBy: { id: "asc" } });
  for (const id of [...users, ...cases, ...notes, ...labels].map((r) => r.id)) expect(id).toMatch(UUID_V4);
  const c = cases[0]!;
  expect(c.reference).toBe("LNT-OLD1-CASE");
  expect(c.claimedById).toBe(users[0]!.id);
  expect(notes[0]).toMatchObject({ caseId: c.id, authorId: users[0]!.id });
  expect(labels[0]).toMatchObject({ caseId: c.id, clinicianId: users[0]!.id });
  expect(events).toHaveLength(4);
  expect(events[0]).toMatchObject({ actorId: users[0]!.id, caseId: c.id, details: { noteId: notes[0]!.id } });
  expect(events[1]!.caseId).toMatch(UUID_V4); // a deleted case's id, re-keyed too
  expect(events[1]!.details).toEqual({ reference: "LNT-GONE-0001" });
  expect((events[2]!.details as { userId: string }).userId).toMatch(UUID_V4);
  expect(events[3]!.details).toEqual({ userId: users[0]!.id });
  // Nothing left anywhere that a cuid's clock could be read from.
  const everything = JSON.stringify({ users, cases, notes, labels, events }, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
  for (const old of [user, gone, kase, deletedCase, note, label]) expect(everything).not.toContain(old);
  // The trail is append-only again.
  await expect(db.$executeRawUnsafe(`UPDATE "AuditEvent" SET "action" = 'x'`)).rejects.toThrow();
}

// A fresh PGlite (initdb) and every migration applied twice over: seconds on an idle machine, a minute under load.
describe("the random-ids migration re-keys existing rows", { timeout: 180_000 }, () => {
  it("on PGlite", async () => {
    const handle = await openDatabase({ databaseUrl: null, memory: true, migrate: false });
    try {
      await checkReKeying(handle);
    } finally {
      await handle.close();
    }
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)("on PostgreSQL", async () => {
    // A fresh database, emptied of what its migrations made, then migrated step by step like an old one.
    const t = await createTestDatabase("postgres");
    try {
      await t.handle.prisma.$executeRawUnsafe(`DROP SCHEMA public CASCADE`);
      await t.handle.prisma.$executeRawUnsafe(`CREATE SCHEMA public`);
      await checkReKeying(t.handle);
    } finally {
      await t.dispose();
    }
  });
});
