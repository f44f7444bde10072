import { expect, it } from "vitest";
import { forEachDatabase } from "@/test/support/db";
import { getCaseForReview } from "./review";
import { listQueue } from "./review-queue";
import { makeCase, makeUser } from "@/test/review/fixtures";

// The reason stored with a case reaches the queue and the case page in words; old cases say it was not recorded.
forEachDatabase((getDb) => {
  it("shows each case's stored reason on the queue and the case page, and 'reason not recorded' for old cases", async () => {
    const db = getDb();
    const me = await makeUser(db, "CLINICIAN");
    const byWords = await makeCase(db, {
      labels: [],
      tier: "CRISIS",
      country: "ZT",
      tierReason: { words: "want to die", model: { tier: "low", condition: "depression", score: 0.15, threshold: 0.5 } },
    });
    const byModel = await makeCase(db, {
      labels: ["depression"],
      tier: "ELEVATED",
      country: "ZT",
      tierReason: { words: null, model: { tier: "elevated", condition: "depression", score: 0.86, threshold: 0.5 } },
    });
    const old = await makeCase(db, { tier: "LOW", country: "ZT" });

    const queue = await listQueue(db, me, { country: "ZT" });
    const reasons = Object.fromEntries(queue.rows.map((r) => [r.id, r.tierReason]));
    expect(reasons).toEqual({
      [byWords.id]: "explicit words: 'want to die'",
      [byModel.id]: "model: elevated depression 0.86 (threshold 0.50)",
      [old.id]: "reason not recorded",
    });
    expect((await getCaseForReview(db, me, byWords.id)).tierReason).toBe("explicit words: 'want to die'");
    expect((await getCaseForReview(db, me, old.id)).tierReason).toBe("reason not recorded");
  });
});
