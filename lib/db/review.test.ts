import { ANONYMIZER_VERSION } from "@/lib/anonymize";
import { describe, expect, it } from "vitest";
import { forEachDatabase } from "@/test/support/db";
import { AuthError } from "@/lib/auth/errors";
import { systemActor } from "@/lib/auth/actor";
import { UserFacingError } from "@/lib/errors";
import { listQueue, queueVersion } from "./review-queue";
import { addCaseNote, claimCase, deleteCase, getCaseForReview, releaseCase, setCaseLabels, setCaseStatus } from "./review";
import { makeCase, makeUser } from "@/test/review/fixtures";

const allLabels = (present: boolean) => ({ depression: present, anxiety: present, bipolar: present, suicidal: present });

forEachDatabase((getDb) => {
  describe("review queue", () => {
    it("sorts crisis first, then confidence, then oldest, and counts per status", async () => {
      const db = getDb();
      const me = await makeUser(db, "CLINICIAN");
      const low = await makeCase(db, { tier: "LOW", confidence: 0.99, country: "QA" });
      const elevHi = await makeCase(db, { tier: "ELEVATED", confidence: 0.9, country: "QA" });
      const crisis = await makeCase(db, { tier: "CRISIS", confidence: 0.6, country: "QA" });
      const elevLoOld = await makeCase(db, { tier: "ELEVATED", confidence: 0.5, country: "QA" });
      const elevLoNew = await makeCase(db, { tier: "ELEVATED", confidence: 0.5, country: "QA" });
      const page = await listQueue(db, me, { country: "qa" });
      expect(page.rows.map((r) => r.id)).toEqual([crisis.id, elevHi.id, elevLoOld.id, elevLoNew.id, low.id]);
      expect(page.counts.NEW).toBe(5);
      expect(page.rows[0]).not.toHaveProperty("redactedText");

      await claimCase(db, me, crisis.id);
      const filtered = await listQueue(db, me, { country: "QA", status: "NEW" });
      expect(filtered.total).toBe(4);
      expect(filtered.counts).toMatchObject({ NEW: 4, IN_REVIEW: 1 });
    });

    it("filters by condition, tier and date range, ignoring malformed filters", async () => {
      const db = getDb();
      const me = await makeUser(db, "CLINICIAN");
      const a = await makeCase(db, { labels: ["anxiety"], tier: "LOW", country: "QB", createdOn: "2026-01-05" });
      await makeCase(db, { labels: ["depression"], tier: "LOW", country: "QB", createdOn: "2026-02-05" });
      expect((await listQueue(db, me, { country: "QB", condition: "anxiety" })).rows.map((r) => r.id)).toEqual([a.id]);
      expect((await listQueue(db, me, { country: "QB", to: "2026-01-31" })).rows.map((r) => r.id)).toEqual([a.id]);
      expect((await listQueue(db, me, { country: "QB", from: "2026-02-01", tier: "CRISIS" })).total).toBe(0);
      expect((await listQueue(db, me, { country: "QB", tier: "'; drop table", page: "-3" })).total).toBe(2);
    });

    it("pages 25 at a time", async () => {
      const db = getDb();
      const me = await makeUser(db, "CLINICIAN");
      for (let i = 0; i < 27; i++) await makeCase(db, { country: "QC", confidence: 0.5 + i / 100 });
      const p1 = await listQueue(db, me, { country: "QC" });
      const p2 = await listQueue(db, me, { country: "QC", page: 2 });
      expect(p1.rows).toHaveLength(25);
      expect(p2.rows).toHaveLength(2);
      expect(p1.pageCount).toBe(2);
      expect(new Set([...p1.rows, ...p2.rows].map((r) => r.id)).size).toBe(27);
    });

    it("refuses other roles in the data layer itself", async () => {
      const db = getDb();
      for (const role of ["ADMIN", "OUTREACH"] as const) {
        const u = await makeUser(db, role);
        await expect(listQueue(db, u)).rejects.toBeInstanceOf(AuthError);
        await expect(queueVersion(db, u)).rejects.toBeInstanceOf(AuthError);
      }
      await expect(listQueue(db, systemActor("cli"))).rejects.toMatchObject({ kind: "forbidden" });
    });

    it("changes its version when a case arrives", async () => {
      const db = getDb();
      const me = await makeUser(db, "CLINICIAN");
      const before = await queueVersion(db, me);
      await makeCase(db);
      expect(await queueVersion(db, me)).not.toBe(before);
    });
  });

  describe("case workflow", () => {
    it("stores a note anonymized, stamped with the anonymizer's version", { timeout: 120_000 }, async () => {
      const db = getDb();
      const me = await makeUser(db, "CLINICIAN");
      const c = await makeCase(db, { labels: ["depression"] });
      await claimCase(db, me, c.id);
      await addCaseNote(db, me, { caseId: c.id, body: "Her mum rang from 555-201-3344, email jo.b@example.org. Follow up Monday." });
      const note = await db.caseNote.findFirstOrThrow({ where: { caseId: c.id } });
      expect(note.body).toBe("Her mum rang from [phone], email [email]. Follow up Monday.");
      expect(note.anonymizerVersion).toBe(ANONYMIZER_VERSION);
    });

    it("lets one clinician claim, note, label and close; audits each step", async () => {
      const db = getDb();
      const me = await makeUser(db, "CLINICIAN");
      const c = await makeCase(db, { labels: ["depression"] });

      const view = await getCaseForReview(db, me, c.id);
      expect(view.redactedText).toContain("heavy");
      expect(view.mine).toBe(false);

      // Each action re-renders the page within its own request: the same visit, no second case.view.
      await claimCase(db, me, c.id);
      await getCaseForReview(db, me, c.id, { recordView: false });
      await addCaseNote(db, me, { caseId: c.id, body: "Reached out through the platform." });
      await getCaseForReview(db, me, c.id, { recordView: false });
      await setCaseLabels(db, me, { caseId: c.id, labels: { ...allLabels(false), depression: true, anxiety: true } });
      await setCaseStatus(db, me, { caseId: c.id, status: "REVIEWED" });

      const after = await getCaseForReview(db, me, c.id);
      expect(after).toMatchObject({ status: "REVIEWED", mine: true, myLabels: { depression: true, anxiety: true, bipolar: false } });
      expect(after.notes.map((n) => n.body)).toEqual(["Reached out through the platform."]);

      const events = await db.auditEvent.findMany({ where: { caseId: c.id }, orderBy: { id: "asc" } });
      expect(events.map((e) => e.action)).toEqual(["case.view", "case.claim", "case.note", "case.label", "case.status", "case.view"]);
      expect(events.every((e) => e.actorId === me.id && e.actorRole === "CLINICIAN")).toBe(true);
      const label = events.find((e) => e.action === "case.label")!;
      expect(label.details).toMatchObject({ agreesWithModel: { depression: true, anxiety: false, bipolar: true } });
      // The note's words are not copied into the audit trail.
      expect(JSON.stringify(events.map((e) => e.details))).not.toContain("Reached out");
    });

    it("blocks another clinician from changing a claimed case, and leaves it unchanged", async () => {
      const db = getDb();
      const owner = await makeUser(db, "CLINICIAN");
      const other = await makeUser(db, "CLINICIAN");
      const c = await makeCase(db);
      await claimCase(db, owner, c.id);

      await expect(claimCase(db, other, c.id)).rejects.toBeInstanceOf(UserFacingError);
      for (const attempt of [
        () => setCaseStatus(db, other, { caseId: c.id, status: "DISMISSED" }),
        () => addCaseNote(db, other, { caseId: c.id, body: "sneaky" }),
        () => setCaseLabels(db, other, { caseId: c.id, labels: allLabels(true) }),
        () => releaseCase(db, other, c.id),
        () => deleteCase(db, other, c.id),
      ]) {
        await expect(attempt()).rejects.toMatchObject({ kind: "forbidden" });
      }
      const fresh = await db.case.findUniqueOrThrow({ where: { id: c.id }, include: { notes: true, caseLabels: true } });
      expect(fresh).toMatchObject({ status: "IN_REVIEW", claimedById: owner.id, notes: [], caseLabels: [] });
    });

    it("allows exactly one winner when two clinicians claim at once", async () => {
      const db = getDb();
      const a = await makeUser(db, "CLINICIAN");
      const b = await makeUser(db, "CLINICIAN");
      const c = await makeCase(db);
      const results = await Promise.allSettled([claimCase(db, a, c.id), claimCase(db, b, c.id)]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      expect(await db.auditEvent.count({ where: { caseId: c.id, action: "case.claim" } })).toBe(1);
    });

    it("needs a claim before changes, and release hands the case back", async () => {
      const db = getDb();
      const me = await makeUser(db, "CLINICIAN");
      const c = await makeCase(db);
      await expect(setCaseStatus(db, me, { caseId: c.id, status: "REVIEWED" })).rejects.toMatchObject({ kind: "forbidden" });
      await claimCase(db, me, c.id);
      await releaseCase(db, me, c.id);
      expect(await db.case.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ status: "NEW", claimedById: null });
    });

    it("answers guessed and malformed ids with not_found and never audits a view", async () => {
      const db = getDb();
      const me = await makeUser(db, "CLINICIAN");
      for (const id of ["cm0000000000000000000000", "../etc/passwd", "", 42, "x' OR '1'='1"]) {
        await expect(getCaseForReview(db, me, id)).rejects.toMatchObject({ kind: "not_found" });
        await expect(claimCase(db, me, id)).rejects.toMatchObject({ kind: "not_found" });
      }
      expect(await db.auditEvent.count({ where: { actorId: me.id } })).toBe(0);
    });

    it("refuses admins and outreach workers for every case function", async () => {
      const db = getDb();
      const c = await makeCase(db);
      for (const role of ["ADMIN", "OUTREACH"] as const) {
        const u = await makeUser(db, role);
        for (const attempt of [
          () => getCaseForReview(db, u, c.id),
          () => claimCase(db, u, c.id),
          () => setCaseStatus(db, u, { caseId: c.id, status: "REVIEWED" }),
          () => addCaseNote(db, u, { caseId: c.id, body: "x" }),
          () => setCaseLabels(db, u, { caseId: c.id, labels: allLabels(true) }),
          () => deleteCase(db, u, c.id),
        ]) {
          await expect(attempt()).rejects.toMatchObject({ kind: "forbidden" });
        }
      }
      expect(await db.case.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ status: "NEW", claimedById: null });
      expect(await db.auditEvent.count({ where: { caseId: c.id } })).toBe(0);
    });

    it("deletes a case with its notes and labels but keeps the audit of the deletion", async () => {
      const db = getDb();
      const me = await makeUser(db, "CLINICIAN");
      const c = await makeCase(db);
      await claimCase(db, me, c.id);
      await addCaseNote(db, me, { caseId: c.id, body: "n" });
      await setCaseLabels(db, me, { caseId: c.id, labels: allLabels(false) });
      await deleteCase(db, me, c.id);
      expect(await db.case.findUnique({ where: { id: c.id } })).toBeNull();
      expect(await db.caseNote.count({ where: { caseId: c.id } })).toBe(0);
      expect(await db.caseLabel.count({ where: { caseId: c.id } })).toBe(0);
      const del = await db.auditEvent.findFirstOrThrow({ where: { caseId: c.id, action: "case.delete" } });
      expect(del).toMatchObject({ actorId: me.id, details: { reference: c.reference } });
    });

    it("rejects an empty or oversized note with kind words", async () => {
      const db = getDb();
      const me = await makeUser(db, "CLINICIAN");
      const c = await makeCase(db);
      await claimCase(db, me, c.id);
      await expect(addCaseNote(db, me, { caseId: c.id, body: "   " })).rejects.toThrow(/write a note/);
      await expect(addCaseNote(db, me, { caseId: c.id, body: "x".repeat(5001) })).rejects.toThrow(/up to 5,000/);
    });
  });
});
