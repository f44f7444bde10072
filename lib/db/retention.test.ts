import { describe, expect, it } from "vitest";
import { forEachDatabase } from "@/test/support/db";
import { systemActor } from "@/lib/auth/actor";
import { purgeExpiredCases, retentionCutoff } from "./retention";
import { claimCase } from "./review";
import { addCaseNote } from "./review";
import { daysAgo, makeCase, makeUser } from "@/test/review/fixtures";

describe("retentionCutoff", () => {
  it("keeps exactly `days` whole days", () => {
    expect(retentionCutoff(30, new Date("2026-03-31T23:59:00Z")).toISOString().slice(0, 10)).toBe("2026-03-01");
  });
});

forEachDatabase((getDb) => {
  it("removes cases older than the retention, and nothing else; leaves an audit event per deletion", async () => {
    const db = getDb();
    const clinician = await makeUser(db, "CLINICIAN");
    const old = await makeCase(db, { createdOn: daysAgo(91) });
    const oldClaimed = await makeCase(db, { createdOn: daysAgo(400) });
    await claimCase(db, clinician, oldClaimed.id);
    await addCaseNote(db, clinician, { caseId: oldClaimed.id, body: "old note" });
    const edge = await makeCase(db, { createdOn: daysAgo(90) });
    const fresh = await makeCase(db, { createdOn: daysAgo(0) });
    const usersBefore = await db.user.count();
    const auditBefore = await db.auditEvent.count();

    const res = await purgeExpiredCases(db, systemActor("cli"), { retentionDays: 90 });

    expect(res.deleted).toBe(2);
    const left = (await db.case.findMany({ select: { id: true } })).map((c) => c.id);
    expect(left).toEqual(expect.arrayContaining([edge.id, fresh.id]));
    expect(left).not.toContain(old.id);
    expect(left).not.toContain(oldClaimed.id);
    expect(await db.caseNote.count({ where: { caseId: oldClaimed.id } })).toBe(0);
    expect(await db.user.count()).toBe(usersBefore);
    // Earlier audit events survive; one purge event per deleted case is added.
    expect(await db.auditEvent.count()).toBe(auditBefore + 2);
    const purged = await db.auditEvent.findMany({ where: { action: "case.purge" } });
    expect(purged.map((e) => e.caseId).sort()).toEqual([old.id, oldClaimed.id].sort());
    expect(purged[0]).toMatchObject({ actorId: null, actorRole: "SYSTEM:cli" });
    expect(await db.auditEvent.count({ where: { caseId: oldClaimed.id, action: "case.claim" } })).toBe(1);

    // Running again finds nothing more.
    expect((await purgeExpiredCases(db, systemActor("scheduler"), { retentionDays: 90 })).deleted).toBe(0);
  });

  it("purges in batches beyond 500 cases", async () => {
    const db = getDb();
    await db.case.deleteMany({});
    const day = new Date(`${daysAgo(200)}T00:00:00Z`);
    await db.case.createMany({
      data: Array.from({ length: 520 }, (_, i) => ({
        reference: `LNT-B${String(i).padStart(3, "0")}-XXXX`,
        submissionKey: `batch-${i}`,
        createdOn: day,
        redactedText: "t",
        probabilities: {},
        labels: [],
        topLabel: "none",
        tier: "LOW" as const,
        confidence: 0.1,
        evidence: [],
        modelName: "m",
        modelVersion: "1",
        resourcesShown: [],
        country: "US",
      })),
    });
    expect((await purgeExpiredCases(db, systemActor("cli"), { retentionDays: 30 })).deleted).toBe(520);
    expect(await db.case.count()).toBe(0);
  });

  it("is refused to every signed-in role", async () => {
    const db = getDb();
    const old = await makeCase(db, { createdOn: daysAgo(500) });
    for (const role of ["ADMIN", "CLINICIAN", "OUTREACH"] as const) {
      const u = await makeUser(db, role);
      await expect(purgeExpiredCases(db, u, { retentionDays: 1 })).rejects.toMatchObject({ kind: "forbidden" });
    }
    expect(await db.case.findUnique({ where: { id: old.id } })).not.toBeNull();
  });
});
