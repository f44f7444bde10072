import { randomUUID } from "node:crypto";
import { expect, it, vi } from "vitest";
import { AuthError } from "@/lib/auth/errors";
import type { SessionUser } from "@/lib/auth/roles";
import { forEachDatabase } from "@/test/support/db";
import { saveOutreachCase, type OutreachSave } from "./outreach";

const RAW = "u/quietfox here, mail me at fox.m@example.org. Honestly I don't want to wake up tomorrow.";

function save(overrides: Partial<OutreachSave> = {}): OutreachSave {
  return {
    submissionKey: randomUUID(),
    text: RAW,
    country: "GB",
    classification: {
      probabilities: { depression: 0.6, anxiety: 0.1, bipolar: 0.02, suicidal: 0.91 },
      labels: ["suicidal", "depression"],
      topLabel: "suicidal",
      tier: "crisis",
      evidence: [{ sentence: "Honestly I don't want to wake up tomorrow.", weight: 0.9 }],
      model: { name: "lantern-distilbert", version: "test" },
    },
    resourcesShown: ["gb-ie-samaritans"],
    ...overrides,
  };
}

// The first save loads the anonymizer (compromise): 22 s measured in the full suite on the loaded 2-core dev machine,
// too close to the default 30 s.
vi.setConfig({ testTimeout: 120_000 });

forEachDatabase((getDb) => {
  async function staff(role: SessionUser["role"]): Promise<SessionUser> {
    const email = `${role.toLowerCase()}-${randomUUID()}@example.test`;
    const u = await getDb().user.create({ data: { email, role } });
    return { id: u.id, email, name: null, role };
  }

  it("stores the anonymized case and one audit event naming the worker, once per key", async () => {
    const db = getDb();
    const worker = await staff("OUTREACH");
    const input = save();
    const first = await saveOutreachCase(db, worker, input);
    const retry = await saveOutreachCase(db, worker, input);
    expect(first.created).toBe(true);
    expect(retry).toEqual({ reference: first.reference, created: false });

    const row = await db.case.findUniqueOrThrow({ where: { reference: first.reference } });
    expect(row.redactedText).toContain("don't want to wake up tomorrow");
    for (const identifier of ["quietfox", "fox.m@example.org"]) expect(JSON.stringify(row)).not.toContain(identifier);
    expect(row.country).toBe("GB");
    expect(row.tier).toBe("CRISIS");

    const events = await db.auditEvent.findMany({ where: { action: "outreach.case.save", actorId: worker.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorRole: "OUTREACH", caseId: row.id, details: { reference: first.reference } });
    expect(JSON.stringify(events[0]!.details)).not.toMatch(/wake up|quietfox/);
  });

  it("an unknown country is stored as ZZ", async () => {
    const db = getDb();
    const saved = await saveOutreachCase(db, await staff("ADMIN"), save({ country: "" }));
    expect((await db.case.findUniqueOrThrow({ where: { reference: saved.reference } })).country).toBe("ZZ");
  });

  it("a clinician cannot save through the outreach path, and nothing is written", async () => {
    const db = getDb();
    const input = save();
    await expect(saveOutreachCase(db, await staff("CLINICIAN"), input)).rejects.toBeInstanceOf(AuthError);
    expect(await db.case.findUnique({ where: { submissionKey: input.submissionKey } })).toBeNull();
  });
});
