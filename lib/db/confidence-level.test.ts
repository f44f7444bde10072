import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { forEachDatabase } from "@/test/support/db";
import { makeUser } from "@/test/review/fixtures";
import { saveCase, type NewCase } from "./cases";
import { getCaseForReview } from "./review";

function newCase(confidence?: "high" | "moderate" | "low"): NewCase {
  return {
    submissionKey: randomUUID(),
    text: "I can't sleep and nothing feels worth doing anymore.",
    classification: {
      // Highest score 0.62: by the score alone this would read "moderate"; the person was told "low".
      probabilities: { depression: 0.62, anxiety: 0.3, bipolar: 0.05, suicidal: 0.1 },
      labels: ["depression"],
      topLabel: "depression",
      tier: "elevated",
      evidence: [],
      model: { name: "lantern-distilbert", version: "test" },
      ...(confidence ? { confidence } : {}),
    },
    resourcesShown: [],
    country: "GB",
  };
}

// The clinician sees how sure the model was in the words the person saw, not a figure recomputed from the scores.
forEachDatabase((getDb) => {
  it("stores the confidence level shown with the case and gives it to the case page; older cases have none", async () => {
    const db = getDb();
    const me = await makeUser(db, "CLINICIAN");
    const shown = await saveCase(db, newCase("low"));
    const older = await saveCase(db, newCase());
    const idOf = async (reference: string) => (await db.case.findUniqueOrThrow({ where: { reference }, select: { id: true, confidenceLevel: true } }));
    const a = await idOf(shown.reference);
    const b = await idOf(older.reference);
    expect(a.confidenceLevel).toBe("low");
    expect(b.confidenceLevel).toBeNull();
    expect((await getCaseForReview(db, me, a.id)).confidenceLevel).toBe("low");
    expect((await getCaseForReview(db, me, b.id)).confidenceLevel).toBeNull();
    // A value the app never writes reads as not recorded rather than failing the page.
    await db.case.update({ where: { id: b.id }, data: { confidenceLevel: "certain" } });
    expect((await getCaseForReview(db, me, b.id)).confidenceLevel).toBeNull();
  });
});
