import { expect, it } from "vitest";
import { forEachDatabase } from "@/test/support/db";
import { systemActor } from "@/lib/auth/actor";
import { claimCase, setCaseLabels, setCaseStatus } from "./review";
import { collectFeedback, dashboardStats } from "./feedback";
import { makeCase, makeUser } from "@/test/review/fixtures";

const none = { depression: false, anxiety: false, bipolar: false, suicidal: false };

forEachDatabase((getDb) => {
  it("exports clinician-labelled cases in the corpus format and audits the export", async () => {
    const db = getDb();
    const a = await makeUser(db, "CLINICIAN");
    const labelled = await makeCase(db, { labels: ["depression"], text: "redacted words only" });
    const unlabelled = await makeCase(db, { labels: ["anxiety"] });
    await claimCase(db, a, labelled.id);
    await setCaseLabels(db, a, { caseId: labelled.id, labels: { ...none, depression: true, suicidal: true } });
    await setCaseStatus(db, a, { caseId: labelled.id, status: "REVIEWED" });

    const rows = await collectFeedback(db, systemActor("cli"));
    expect(rows).toEqual([
      {
        id: labelled.reference,
        text: "redacted words only",
        label: "suicidal",
        labels: ["depression", "suicidal"],
        source: "lantern-clinician",
        model_labels: ["depression"],
        model_version: "0.0.1",
        reviewers: 1,
      },
    ]);
    expect(rows.map((r) => r.id)).not.toContain(unlabelled.reference);
    expect(await db.auditEvent.findFirst({ where: { action: "feedback.export" } })).toMatchObject({
      actorRole: "SYSTEM:cli",
      details: { cases: 1 },
    });
    const clinician = await makeUser(db, "CLINICIAN");
    await expect(collectFeedback(db, clinician)).rejects.toMatchObject({ kind: "forbidden" });
  });

  it("computes the dashboard: weekly counts, tiers, agreement with the model", async () => {
    const db = getDb();
    const a = await makeUser(db, "CLINICIAN");
    const c = await makeCase(db, { labels: ["anxiety"], tier: "CRISIS" });
    await claimCase(db, a, c.id);
    await setCaseLabels(db, a, { caseId: c.id, labels: { ...none, anxiety: true, depression: true } });
    const stats = await dashboardStats(db, a);
    expect(stats.tiers.CRISIS).toBeGreaterThanOrEqual(1);
    const anx = stats.agreement.find((x) => x.condition === "anxiety")!;
    const dep = stats.agreement.find((x) => x.condition === "depression")!;
    expect(anx.agree).toBeGreaterThanOrEqual(1);
    expect(dep.total - dep.agree).toBeGreaterThanOrEqual(1);
    expect(stats.perWeek.at(-1)!.counts.anxiety).toBeGreaterThanOrEqual(1);
    await expect(dashboardStats(db, await makeUser(db, "OUTREACH"))).rejects.toMatchObject({ kind: "forbidden" });
  });

  it("counts crisis cases set by the explicit-words rule, and counts every crisis case under suicidal", async () => {
    const db = getDb();
    const a = await makeUser(db, "CLINICIAN");
    const before = await dashboardStats(db, a);
    const week = (s: typeof before) => s.perWeek.at(-1)?.counts.suicidal ?? 0;
    // The case from the issue: crisis by the words, no condition flagged by the model.
    await makeCase(db, { labels: [], tier: "CRISIS", tierReason: { words: "want to die", model: { tier: "low", condition: "depression", score: 0.15, threshold: 0.5 } } });
    await makeCase(db, { labels: [], tier: "CRISIS", tierReason: { words: null, model: { tier: "crisis", condition: "suicidal", score: 0.3, threshold: 0.18 } } });
    await makeCase(db, { labels: [], tier: "CRISIS" });
    const after = await dashboardStats(db, a);
    expect(after.crisisByRule - before.crisisByRule).toBe(1);
    expect(week(after) - week(before)).toBe(3);
  });
});
