/** Test data for the review data layer: staff users and saved cases, written straight to the DB. */
import { randomBytes } from "node:crypto";
import type { PrismaClient } from "@/lib/db/generated/client";
import type { Role, Tier } from "@/lib/db/generated/enums";
import type { SessionUser } from "@/lib/auth/roles";
import type { TierReason } from "@/lib/assessment/tier-reason";

const rnd = () => randomBytes(4).toString("hex");

export async function makeUser(db: PrismaClient, role: Role, opts: { disabled?: boolean } = {}): Promise<SessionUser> {
  const u = await db.user.create({
    data: { email: `${role.toLowerCase()}-${rnd()}@test.lantern`, role, disabled: opts.disabled ?? false },
  });
  return { id: u.id, email: u.email, name: u.name, role: u.role };
}

export interface CaseSeed {
  tier?: Tier;
  confidence?: number;
  labels?: string[];
  country?: string;
  createdOn?: string;
  text?: string;
  /** The stored reason (lib/assessment/tier-reason.ts); none, as for cases saved before reasons were kept. */
  tierReason?: TierReason;
}

export async function makeCase(db: PrismaClient, s: CaseSeed = {}) {
  const labels = s.labels ?? ["depression"];
  const confidence = s.confidence ?? 0.7;
  return db.case.create({
    data: {
      reference: `LNT-${rnd().slice(0, 4).toUpperCase()}-${rnd().slice(0, 4).toUpperCase()}`,
      submissionKey: `k-${rnd()}${rnd()}`,
      createdOn: new Date(`${s.createdOn ?? new Date().toISOString().slice(0, 10)}T00:00:00Z`),
      redactedText: s.text ?? "I have not slept in days. Everything feels heavy and I can't get up.",
      probabilities: { depression: confidence, anxiety: 0.2, bipolar: 0.05, suicidal: 0.1 },
      labels,
      topLabel: labels[0] ?? "none",
      tier: s.tier ?? "ELEVATED",
      ...(s.tierReason ? { tierReason: s.tierReason } : {}),
      confidence,
      evidence: [{ sentence: "Everything feels heavy and I can't get up.", start: 28, end: 70, weight: 0.8 }],
      modelName: "lantern-test",
      modelVersion: "0.0.1",
      resourcesShown: ["us-988"],
      generatedMessage: "Thank you for sharing this.",
      country: s.country ?? "US",
    },
  });
}

export function daysAgo(n: number, from = new Date()): string {
  const d = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate() - n));
  return d.toISOString().slice(0, 10);
}
