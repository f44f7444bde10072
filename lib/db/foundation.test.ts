/** Integration tests of the data foundation, on PGlite and on the real PostgreSQL server. */
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { forEachDatabase } from "@/test/support/db";
import { migrationsDir, applyMigrations } from "./schema-engine";
import { Prisma } from "./generated/client";
import type { PrismaClient } from "./generated/client";

const committed = fs
  .readdirSync(migrationsDir(), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

let n = 0;
function caseData(over: Partial<Prisma.CaseUncheckedCreateInput> = {}): Prisma.CaseUncheckedCreateInput {
  n++;
  const tag = `${Date.now().toString(36)}${n}${Math.random().toString(36).slice(2, 6)}`;
  return {
    reference: `LNT-T${tag}`.slice(0, 20),
    submissionKey: `key-${tag}`,
    createdOn: new Date("2026-11-25T00:00:00Z"),
    redactedText: "I feel [NAME] has no idea how tired I am.",
    probabilities: { depression: 0.8, anxiety: 0.3, bipolar: 0.05, suicidal: 0.1 },
    labels: ["depression"],
    topLabel: "depression",
    tier: "ELEVATED",
    confidence: 0.8,
    evidence: [{ sentence: "how tired I am", label: "depression", weight: 0.6 }],
    modelName: "lantern-distil",
    modelVersion: "test",
    resourcesShown: ["us-988"],
    country: "US",
    ...over,
  };
}

async function mkUser(db: PrismaClient, role: "ADMIN" | "CLINICIAN" | "OUTREACH" = "CLINICIAN") {
  return db.user.create({ data: { email: `u${Date.now()}${Math.random().toString(36).slice(2)}@example.test`, role } });
}

function pgCode(err: unknown): string | undefined {
  // Prisma wraps driver errors; dig out the PostgreSQL SQLSTATE or the message.
  const e = err as { code?: string; meta?: { driverAdapterError?: { cause?: { originalCode?: string } } } };
  return e?.meta?.driverAdapterError?.cause?.originalCode ?? e?.code;
}

forEachDatabase((getDb, kind, getHandle) => {
  it("applies every committed migration and records it in _prisma_migrations", async () => {
    const rows = await getDb().$queryRaw<{ migration_name: string; finished_at: Date | null }[]>`
      SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY migration_name`;
    expect(rows.map((r) => r.migration_name)).toEqual(committed);
    expect(rows.every((r) => r.finished_at !== null)).toBe(true);
    // Re-running is a no-op (migrate deploy semantics).
    expect(await applyMigrations(getHandle().adapterFactory)).toEqual([]);
  });

  it(`runs on ${kind}`, async () => {
    const rows = await getDb().$queryRaw<{ v: string }[]>`SELECT version() AS v`;
    expect(rows[0]?.v).toMatch(/PostgreSQL/);
  });

  describe("AuditEvent is append-only", () => {
    it("accepts inserts", async () => {
      const ev = await getDb().auditEvent.create({
        data: { action: "case.view", actorId: "u1", actorRole: "CLINICIAN", caseId: "c1", details: { a: 1 } },
      });
      expect(typeof ev.id).toBe("bigint");
      expect(ev.at).toBeInstanceOf(Date);
    });

    it("rejects UPDATE through Prisma and raw SQL", async () => {
      const db = getDb();
      const ev = await db.auditEvent.create({ data: { action: "case.note" } });
      await expect(db.auditEvent.update({ where: { id: ev.id }, data: { action: "tampered" } })).rejects.toThrow(
        /append-only/,
      );
      await expect(db.$executeRawUnsafe(`UPDATE "AuditEvent" SET action = 'x'`)).rejects.toThrow(/append-only/);
      const again = await db.auditEvent.findUniqueOrThrow({ where: { id: ev.id } });
      expect(again.action).toBe("case.note");
    });

    it("rejects DELETE and TRUNCATE", async () => {
      const db = getDb();
      const ev = await db.auditEvent.create({ data: { action: "case.label" } });
      await expect(db.auditEvent.delete({ where: { id: ev.id } })).rejects.toThrow(/append-only/);
      await expect(db.auditEvent.deleteMany({})).rejects.toThrow(/append-only/);
      await expect(db.$executeRawUnsafe(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/append-only/);
      expect(await db.auditEvent.count({ where: { id: ev.id } })).toBe(1);
    });

    it("survives deletion of the case and user it mentions (no foreign keys)", async () => {
      const db = getDb();
      const user = await mkUser(db);
      const c = await db.case.create({ data: caseData() });
      await db.auditEvent.create({ data: { action: "case.delete", actorId: user.id, caseId: c.id } });
      await db.case.delete({ where: { id: c.id } });
      await db.user.delete({ where: { id: user.id } });
      expect(await db.auditEvent.count({ where: { caseId: c.id, actorId: user.id } })).toBe(1);
    });
  });

  describe("Case", () => {
    it("never duplicates a submissionKey", async () => {
      const db = getDb();
      const data = caseData();
      await db.case.create({ data });
      const dup = db.case.create({ data: { ...data, reference: data.reference + "X" } });
      await expect(dup).rejects.toMatchObject({ code: "P2002" });
      expect(await db.case.count({ where: { submissionKey: data.submissionKey } })).toBe(1);
      // The idempotent save pattern: upsert on submissionKey returns the same case.
      const again = await db.case.upsert({ where: { submissionKey: data.submissionKey }, create: data, update: {} });
      expect(again.reference).toBe(data.reference);
      expect(await db.case.count({ where: { submissionKey: data.submissionKey } })).toBe(1);
    });

    it("keeps reference unique", async () => {
      const db = getDb();
      const a = caseData();
      await db.case.create({ data: a });
      await expect(db.case.create({ data: caseData({ reference: a.reference }) })).rejects.toMatchObject({
        code: "P2002",
      });
    });

    it("stores the day only, a growing seq and no timestamp at creation", async () => {
      const db = getDb();
      const c1 = await db.case.create({ data: caseData({ createdOn: new Date("2026-03-04T23:59:59.999Z") }) });
      const c2 = await db.case.create({ data: caseData() });
      expect(c1.createdOn.toISOString()).toBe("2026-03-04T00:00:00.000Z");
      expect(c2.seq).toBeGreaterThan(c1.seq);
      expect(c1.updatedAt).toBeNull();
      const types = await db.$queryRaw<{ t: string }[]>`
        SELECT data_type AS t FROM information_schema.columns WHERE table_name = 'Case' AND column_name = 'createdOn'`;
      expect(types[0]?.t).toBe("date");
      const cols = await db.$queryRaw<{ c: string }[]>`
        SELECT column_name AS c FROM information_schema.columns WHERE table_name = 'Case'`;
      expect(cols.map((r) => r.c)).not.toContain("createdAt");
    });

    it("sorts the queue crisis first, then confidence, then age", async () => {
      const db = getDb();
      const country = "NZ"; // isolate from other tests' rows
      const low = await db.case.create({ data: caseData({ country, tier: "LOW", confidence: 0.99 }) });
      const elevOld = await db.case.create({ data: caseData({ country, tier: "ELEVATED", confidence: 0.7 }) });
      const crisis = await db.case.create({ data: caseData({ country, tier: "CRISIS", confidence: 0.6 }) });
      const elevHigh = await db.case.create({ data: caseData({ country, tier: "ELEVATED", confidence: 0.9 }) });
      const elevNew = await db.case.create({ data: caseData({ country, tier: "ELEVATED", confidence: 0.7 }) });
      const rows = await db.case.findMany({
        where: { country },
        orderBy: [{ tier: "asc" }, { confidence: "desc" }, { seq: "asc" }],
        select: { id: true },
      });
      expect(rows.map((r) => r.id)).toEqual([crisis.id, elevHigh.id, elevOld.id, elevNew.id, low.id]);
      expect(await db.case.count({ where: { country, labels: { has: "depression" } } })).toBe(5);
    });

    it("rejects a bad country code or confidence (CHECK constraints)", async () => {
      const db = getDb();
      await expect(db.case.create({ data: caseData({ country: "us" }) })).rejects.toThrow();
      await expect(db.case.create({ data: caseData({ confidence: 1.5 }) })).rejects.toThrow();
    });

    it("cascades notes and labels on delete, and unclaims on user delete", async () => {
      const db = getDb();
      const doc = await mkUser(db);
      const c = await db.case.create({ data: caseData({ claimedById: doc.id, status: "IN_REVIEW" }) });
      await db.caseNote.create({ data: { caseId: c.id, authorId: doc.id, body: "called back" } });
      await db.caseLabel.create({ data: { caseId: c.id, clinicianId: doc.id, label: "depression", present: true } });
      await expect(
        db.caseLabel.create({ data: { caseId: c.id, clinicianId: doc.id, label: "depression", present: false } }),
      ).rejects.toMatchObject({ code: "P2002" });
      await db.caseLabel.upsert({
        where: { caseId_clinicianId_label: { caseId: c.id, clinicianId: doc.id, label: "depression" } },
        create: { caseId: c.id, clinicianId: doc.id, label: "depression", present: false },
        update: { present: false },
      });
      expect((await db.caseLabel.findFirstOrThrow({ where: { caseId: c.id } })).present).toBe(false);
      await db.case.delete({ where: { id: c.id } });
      expect(await db.caseNote.count({ where: { caseId: c.id } })).toBe(0);
      expect(await db.caseLabel.count({ where: { caseId: c.id } })).toBe(0);

      const other = await mkUser(db);
      const c2 = await db.case.create({ data: caseData({ claimedById: other.id }) });
      await db.user.delete({ where: { id: other.id } });
      expect((await db.case.findUniqueOrThrow({ where: { id: c2.id } })).claimedById).toBeNull();
    });

    it("rolls back a failed transaction entirely", async () => {
      const db = getDb();
      const data = caseData();
      await expect(
        db.$transaction(async (tx) => {
          await tx.case.create({ data });
          await tx.caseNote.create({ data: { caseId: "missing", authorId: "missing", body: "x" } });
        }),
      ).rejects.toThrow();
      expect(await db.case.count({ where: { submissionKey: data.submissionKey } })).toBe(0);
    });
  });

  describe("User", () => {
    it("has unique emails and sensible defaults", async () => {
      const db = getDb();
      const u = await mkUser(db, "ADMIN");
      expect(u.disabled).toBe(false);
      expect(u.sessionVersion).toBe(0);
      await expect(db.user.create({ data: { email: u.email, role: "OUTREACH" } })).rejects.toMatchObject({
        code: "P2002",
      });
    });
  });

  void pgCode;
});
