import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { forEachDatabase } from "@/test/support/db";
import { ANONYMIZER_VERSION } from "@/lib/anonymize";
import { REFERENCE_PATTERN, saveCase, todayUtc, type NewCase } from "./cases";

const RAW = "My name is Emily Watson, email emily.w@example.com, call 555-867-5309. I live at 42 Elm Street. I can't go on like this.";

function newCase(overrides: Partial<NewCase> = {}): NewCase {
  return {
    submissionKey: randomUUID(),
    text: RAW,
    classification: {
      probabilities: { depression: 0.71, anxiety: 0.22, bipolar: 0.05, suicidal: 0.93 },
      labels: ["suicidal", "depression"],
      topLabel: "suicidal",
      tier: "crisis",
      evidence: [{ sentence: "My name is Emily Watson, email emily.w@example.com", weight: 0.4 }, { sentence: "I can't go on like this.", weight: 0.9 }],
      model: { name: "lantern-distilbert", version: "test" },
      tierReason: { words: "can't go on like this", model: { tier: "crisis", condition: "suicidal", score: 0.93, threshold: 0.18 } },
    },
    resourcesShown: ["us-988-call-text", "us-crisis-text-line"],
    country: "US",
    ...overrides,
  };
}

forEachDatabase((getDb) => {
  it("stores an anonymized case with a reference, the model outputs and the day only", async () => {
    const db = getDb();
    const input = newCase();
    const saved = await saveCase(db, input);
    expect(saved.created).toBe(true);
    expect(saved.reference).toMatch(REFERENCE_PATTERN);

    const row = await db.case.findUniqueOrThrow({ where: { reference: saved.reference } });
    expect(row.redactedText).toContain("I can't go on like this.");
    expect(row.redactedText).toContain("[email]");
    expect(row.anonymizerVersion).toBe(ANONYMIZER_VERSION); // what re-anonymizing at the next rules change reads
    const everything = JSON.stringify(row);
    for (const identifier of ["Emily", "Watson", "emily.w@example.com", "555-867-5309", "Elm Street"]) expect(everything).not.toContain(identifier);
    expect(row.evidence).toEqual([
      { sentence: expect.stringContaining("[email]"), weight: 0.4 },
      { sentence: "I can't go on like this.", weight: 0.9 },
    ]);
    expect(row).toMatchObject({ tier: "CRISIS", topLabel: "suicidal", labels: ["suicidal", "depression"], confidence: 0.93, country: "US", status: "NEW", modelVersion: "test", updatedAt: null });
    expect(row.resourcesShown).toEqual(["us-988-call-text", "us-crisis-text-line"]);
    expect(row.tierReason).toEqual({ words: "can't go on like this", model: { tier: "crisis", condition: "suicidal", score: 0.93, threshold: 0.18 } });
    expect(row.createdOn.toISOString()).toBe(todayUtc().toISOString());
    expect(row.createdOn.toISOString()).toMatch(/T00:00:00\.000Z$/);
  });

  it("is idempotent by submission key, also under concurrent retries", async () => {
    const db = getDb();
    const input = newCase();
    const results = await Promise.all(Array.from({ length: 5 }, () => saveCase(db, input)));
    expect(new Set(results.map((r) => r.reference)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await db.case.count({ where: { submissionKey: String(input.submissionKey) } })).toBe(1);
    const again = await saveCase(db, input);
    expect(again).toEqual({ reference: results[0]?.reference, created: false });
  });

  it("refuses malformed input and writes nothing", async () => {
    const db = getDb();
    const before = await db.case.count();
    await expect(saveCase(db, newCase({ country: "usa" }))).rejects.toThrow();
    await expect(saveCase(db, newCase({ submissionKey: "not-a-uuid" }))).rejects.toThrow();
    await expect(saveCase(db, newCase({ text: "   " }))).rejects.toThrow();
    expect(await db.case.count()).toBe(before);
  });
});

describe("references", () => {
  it("are random and reveal nothing", async () => {
    const { newCaseReference } = await import("./cases");
    const refs = new Set(Array.from({ length: 1000 }, newCaseReference));
    expect(refs.size).toBe(1000);
    for (const r of refs) expect(r).toMatch(REFERENCE_PATTERN);
  });
});
