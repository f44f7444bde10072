import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { ANONYMIZER_VERSION } from "@/lib/anonymize";
import { systemActor } from "@/lib/auth/actor";
import type { PrismaClient } from "./generated/client";
import { hasOutdatedText, reanonymizeStored } from "./reanonymize";
import { forEachDatabase } from "@/test/support/db";

// What the rules before version 2 left of the nine-identifier post (only "Priya Raman" became [name]).
const OLD_TEXT =
  "[name] here. email jane.doe(at)gmail(dot)com or insta: jane_doe_92, zip 62704. my grandma is 97, " +
  "born on [date] 1931, lives in Omaha, went to Lincoln High School. call ５５５-０１９９-１２３４";
const IDENTIFIERS = ["jane.doe", "gmail", "jane_doe_92", "62704", "97", "1931", "Omaha", "Lincoln", "５５５"];

async function insertCase(db: PrismaClient, redactedText: string, version?: number, extra: { evidence?: unknown; generatedMessage?: string } = {}) {
  const id = randomUUID();
  // Raw SQL without the version column when none is given: the row looks like one saved before the column existed.
  await db.$executeRawUnsafe(
    `INSERT INTO "Case" ("id","reference","submissionKey","createdOn","redactedText","probabilities","labels","topLabel","tier","confidence","evidence","modelName","modelVersion","resourcesShown","country","generatedMessage"${version === undefined ? "" : ',"anonymizerVersion"'})
     VALUES ($1,$2,$3,'2026-11-28',$4,'{}','{}','none','LOW',0.1,$5::jsonb,'m','1','{}','US',$6${version === undefined ? "" : ",$7"})`,
    id,
    `LNT-${randomUUID().slice(0, 4).toUpperCase()}-${randomUUID().slice(0, 4).toUpperCase()}`,
    randomUUID(),
    redactedText,
    JSON.stringify(extra.evidence ?? []),
    extra.generatedMessage ?? null,
    ...(version === undefined ? [] : [version]),
  );
  return id;
}

async function rerunEvents(db: PrismaClient) {
  return db.auditEvent.findMany({ where: { action: "anonymizer.rerun" }, orderBy: { id: "asc" } });
}

forEachDatabase((getDb) => {
  it("rows saved before versions were stored count as the old rules (cases 1, notes 0)", async () => {
    const db = getDb();
    const user = await db.user.create({ data: { email: `${randomUUID()}@x.org`, role: "CLINICIAN" } });
    const caseId = await insertCase(db, "an old case");
    await db.$executeRawUnsafe(`INSERT INTO "CaseNote" ("id","caseId","authorId","body") VALUES ($1,$2,$3,'an old note')`, randomUUID(), caseId, user.id);
    expect((await db.case.findUniqueOrThrow({ where: { id: caseId } })).anonymizerVersion).toBe(1);
    expect((await db.caseNote.findFirstOrThrow({ where: { caseId } })).anonymizerVersion).toBe(0);
    expect(await hasOutdatedText(db)).toBe(true);
  });

  it("re-redacts old rows, leaves current ones, audits counts only, and a second run changes nothing", { timeout: 120_000 }, async () => {
    const db = getDb();
    const user = await db.user.create({ data: { email: `${randomUUID()}@x.org`, role: "CLINICIAN" } });
    const oldCase = await insertCase(db, OLD_TEXT, 1, {
      evidence: [{ sentence: "my grandma is 97, born on [date] 1931, lives in Omaha", weight: 0.4 }],
      generatedMessage: "You could talk to someone at Lincoln High School or text jane_doe_92.",
    });
    // A current row is not read again, even if the newer rules would change it (they would redact "Omaha").
    const currentText = "i moved to Omaha and nobody knows me";
    const currentCase = await insertCase(db, currentText, ANONYMIZER_VERSION);
    const oldNote = await db.caseNote.create({ data: { caseId: oldCase, authorId: user.id, body: "called her at 555-201-3344, she lives in Omaha", anonymizerVersion: 0 } });
    const plainNote = await db.caseNote.create({ data: { caseId: oldCase, authorId: user.id, body: "Follow up next week.", anonymizerVersion: 0 } });
    // A person's follow-up message written before messages carried a version (the column's default, 0).
    const oldMessage = await db.caseMessage.create({ data: { caseId: oldCase, author: "PERSON", body: "thanks. i moved to Omaha, text me at 555-201-3344", resourceIds: [], createdOn: new Date("2026-11-29") } });
    const before = await db.case.findUniqueOrThrow({ where: { id: oldCase } });
    const eventsBefore = (await rerunEvents(db)).length;

    const first = await reanonymizeStored(db, systemActor("cli"), { batchSize: 1 });
    // Earlier tests of this file share the database: count what this test made.
    expect(first.cases).toBeGreaterThanOrEqual(1);
    expect(first.notes).toBeGreaterThanOrEqual(2);
    expect(first.casesChanged).toBeGreaterThanOrEqual(1);
    expect(first.notesChanged).toBeGreaterThanOrEqual(1);
    expect(first.messages).toBeGreaterThanOrEqual(1);
    expect(first.messagesChanged).toBeGreaterThanOrEqual(1);

    const after = await db.case.findUniqueOrThrow({ where: { id: oldCase } });
    expect(after.anonymizerVersion).toBe(ANONYMIZER_VERSION);
    for (const id of IDENTIFIERS) {
      expect(after.redactedText).not.toContain(id);
      expect(JSON.stringify(after.evidence)).not.toContain(id === "97" ? "is 97" : id);
    }
    expect(after.redactedText).toContain("[email]");
    expect(after.redactedText).toContain("[age 90+]");
    expect(after.redactedText).toContain("[organization] High School");
    expect(after.redactedText.startsWith("[name] here.")).toBe(true); // the old placeholder stays as it was
    expect(after.evidence).toEqual([{ sentence: expect.stringContaining("[place]"), weight: 0.4 }]);
    expect(after.generatedMessage).not.toContain("jane_doe_92");
    expect(after.generatedMessage).not.toContain("Lincoln");
    // Re-anonymizing is not a staff member's action: the case's "last changed by staff" stays as it was.
    expect(after.updatedAt).toEqual(before.updatedAt);

    const current = await db.case.findUniqueOrThrow({ where: { id: currentCase } });
    expect(current.redactedText).toBe(currentText);

    const note = await db.caseNote.findUniqueOrThrow({ where: { id: oldNote.id } });
    expect(note.body).toBe("called her at [phone], she lives in [place]");
    expect(note.anonymizerVersion).toBe(ANONYMIZER_VERSION);
    expect((await db.caseNote.findUniqueOrThrow({ where: { id: plainNote.id } })).body).toBe("Follow up next week.");
    const message = await db.caseMessage.findUniqueOrThrow({ where: { id: oldMessage.id } });
    expect(message.body).toBe("thanks. i moved to [place], text me at [phone]");
    expect(message.anonymizerVersion).toBe(ANONYMIZER_VERSION);

    // One event per batch, counts and the version only: no words, no ids of rows.
    const events = (await rerunEvents(db)).slice(eventsBefore);
    expect(events.length).toBe(first.batches);
    const tables = events.map((e) => (e.details as { table: string }).table);
    expect(tables).toContain("Case");
    expect(tables).toContain("CaseNote");
    expect(tables).toContain("CaseMessage");
    for (const e of events) {
      expect(e.actorRole).toBe("SYSTEM:cli");
      expect(e.caseId).toBeNull();
      expect(Object.keys(e.details as object).sort()).toEqual(["changed", "rows", "table", "toVersion"]);
    }
    const rows = events.reduce((n, e) => n + (e.details as { rows: number }).rows, 0);
    expect(rows).toBe(first.cases + first.notes + first.messages);
    expect(JSON.stringify(events.map((e) => e.details))).not.toMatch(/Omaha|jane|555|phone/);

    expect(await hasOutdatedText(db)).toBe(false);
    const texts = await db.case.findMany({ select: { redactedText: true, evidence: true, generatedMessage: true }, orderBy: { seq: "asc" } });
    const notes = await db.caseNote.findMany({ select: { body: true }, orderBy: { id: "asc" } });
    const second = await reanonymizeStored(db, systemActor("cli"));
    expect(second).toMatchObject({ cases: 0, notes: 0, messages: 0, casesChanged: 0, notesChanged: 0, messagesChanged: 0, batches: 0 });
    expect((await rerunEvents(db)).length).toBe(eventsBefore + events.length);
    expect(await db.case.findMany({ select: { redactedText: true, evidence: true, generatedMessage: true }, orderBy: { seq: "asc" } })).toEqual(texts);
    expect(await db.caseNote.findMany({ select: { body: true }, orderBy: { id: "asc" } })).toEqual(notes);

    // And text the current rules wrote, anonymized again, stays as it is (what makes a re-run safe).
    await db.case.update({ where: { id: oldCase }, data: { anonymizerVersion: 1 } });
    const third = await reanonymizeStored(db, systemActor("cli"));
    expect(third).toMatchObject({ cases: 1, casesChanged: 0 });
    expect((await db.case.findUniqueOrThrow({ where: { id: oldCase } })).redactedText).toBe(after.redactedText);
  });
});
