import { randomUUID } from "node:crypto";
import { expect, it, vi } from "vitest";
import { forEachDatabase } from "@/test/support/db";
import { systemActor } from "@/lib/auth/actor";
import { createUser } from "./users";
import { claimCase, deleteCase } from "./review";
import { purgeRetiredSubmissions } from "./retired-submissions";
import { isSubmissionRetired, saveCase, type NewCase } from "./cases";

// Counts the anonymizer's runs: a replayed save must be answered before any of that work.
const runs = vi.hoisted(() => ({ anonymize: 0 }));
vi.mock("@/lib/anonymize", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/anonymize")>();
  return {
    ...real,
    anonymizeWithQuotes: (...args: Parameters<typeof real.anonymizeWithQuotes>) => {
      runs.anonymize++;
      return real.anonymizeWithQuotes(...args);
    },
  };
});

const newCase = (submissionKey = randomUUID()): NewCase => ({
  submissionKey,
  text: "I can't sleep and everything feels heavy lately.",
  classification: {
    probabilities: { depression: 0.8, anxiety: 0.2, bipolar: 0.05, suicidal: 0.3 },
    labels: ["depression"],
    topLabel: "depression",
    tier: "elevated",
    evidence: [],
    model: { name: "test", version: "0" },
  },
  resourcesShown: [],
  country: "US",
});

forEachDatabase((getDb) => {
  it("a replayed save is answered from the submission key before anything is anonymized", async () => {
    const db = getDb();
    const input = newCase();
    const before = runs.anonymize;
    const first = await saveCase(db, input);
    expect(runs.anonymize).toBe(before + 1);
    expect(await saveCase(db, input)).toEqual({ reference: first.reference, created: false });
    expect(runs.anonymize).toBe(before + 1);
  });

  it("a deleted case's key is retired: its receipt cannot bring the case back, until the tombstone's day is over", async () => {
    const db = getDb();
    const { user } = await createUser(db, systemActor("cli"), { email: `c-${randomUUID()}@x.org`, role: "CLINICIAN", password: "correct horse battery staple" });
    const me = { id: user.id, email: user.email, name: null, role: user.role };
    const input = newCase();
    await saveCase(db, input);
    const row = await db.case.findUniqueOrThrow({ where: { submissionKey: input.submissionKey } });
    await claimCase(db, me, row.id);
    await deleteCase(db, me, row.id);

    const before = runs.anonymize;
    const replay = await saveCase(db, input).catch((e: unknown) => e);
    expect(isSubmissionRetired(replay)).toBe(true);
    expect(runs.anonymize).toBe(before);
    expect(await db.case.count({ where: { submissionKey: input.submissionKey } })).toBe(0);

    // The tombstone holds a day, no time, and outlives the 30-minute receipt: kept through tomorrow.
    const tomb = await db.retiredSubmission.findUniqueOrThrow({ where: { submissionKey: input.submissionKey } });
    expect(tomb.keepUntil.toISOString()).toMatch(/T00:00:00\.000Z$/);
    const day = 86_400_000;
    await purgeRetiredSubmissions(db, new Date(Date.now() + day));
    expect(await db.retiredSubmission.count({ where: { submissionKey: input.submissionKey } })).toBe(1);
    await purgeRetiredSubmissions(db, new Date(Date.now() + 2 * day));
    expect(await db.retiredSubmission.count({ where: { submissionKey: input.submissionKey } })).toBe(0);
  });
});
