/**
 * Clinician feedback: the JSONL export for retraining (operator tool) and the
 * dashboard figures (clinicians and admins; aggregates only, no case text).
 */
import "server-only";
import { crisisByRule } from "@/lib/assessment/tier-reason";
import type { PrismaClient } from "./generated/client";
import { Role, Tier } from "./generated/enums";
import { type Actor, assertRole, assertRoleOrSystem } from "@/lib/auth/actor";
import { CONDITIONS, type Condition } from "@/lib/assessment/vocabulary";
import { recordAudit } from "./audit";

/** One line of the export, in the corpus format of shared/data/reddit-mh ({id,text,label,...}). */
export interface FeedbackRecord {
  id: string;
  text: string;
  /** Single label like the corpus: the most severe condition clinicians marked present, else "none". */
  label: Condition | "none";
  /** Every condition the clinicians marked present (multi-label). */
  labels: Condition[];
  source: "lantern-clinician";
  model_labels: string[];
  model_version: string;
  reviewers: number;
}

/** Severity order for the single corpus label. */
const SEVERITY: Condition[] = ["suicidal", "bipolar", "depression", "anxiety"];

/**
 * Cases where at least one clinician judged every condition. With several
 * clinicians, a condition is present when most of them said so (a tie counts as present,
 * the safer side for a risk classifier).
 */
export async function collectFeedback(db: PrismaClient, actor: Actor): Promise<FeedbackRecord[]> {
  assertRoleOrSystem(actor, []);
  const cases = await db.case.findMany({
    where: { caseLabels: { some: {} } },
    orderBy: { seq: "asc" },
    select: {
      id: true,
      reference: true,
      redactedText: true,
      labels: true,
      modelVersion: true,
      caseLabels: { select: { clinicianId: true, label: true, present: true } },
    },
  });
  const out: FeedbackRecord[] = [];
  for (const c of cases) {
    const byClinician = new Map<string, Map<string, boolean>>();
    for (const l of c.caseLabels) {
      if (!byClinician.has(l.clinicianId)) byClinician.set(l.clinicianId, new Map());
      byClinician.get(l.clinicianId)!.set(l.label, l.present);
    }
    const complete = [...byClinician.values()].filter((m) => CONDITIONS.every((k) => m.has(k)));
    if (complete.length === 0) continue;
    const present = CONDITIONS.filter((k) => {
      const yes = complete.filter((m) => m.get(k)).length;
      return yes * 2 >= complete.length;
    });
    out.push({
      id: c.reference,
      text: c.redactedText,
      label: SEVERITY.find((k) => present.includes(k)) ?? "none",
      labels: present,
      source: "lantern-clinician",
      model_labels: c.labels,
      model_version: c.modelVersion,
      reviewers: complete.length,
    });
  }
  await recordAudit(db, { actor, action: "feedback.export", details: { cases: out.length } });
  return out;
}

export interface DashboardStats {
  /**
   * ISO week start (Monday) -> condition -> cases whose model labels include it. A crisis case counts under
   * suicidal even when no label was flagged: its tier came from the suicidal crisis score or from explicit words.
   */
  perWeek: { week: string; counts: Record<Condition, number> }[];
  tiers: Record<Tier, number>;
  /** Crisis cases whose tier the explicit-words rule set (tierReason.words), of all time. */
  crisisByRule: number;
  /** Per condition: clinician judgements that matched the model's call, of all judgements. */
  agreement: { condition: Condition; agree: number; total: number }[];
  totalCases: number;
}

function weekStart(d: Date): string {
  const day = (d.getUTCDay() + 6) % 7; // Monday = 0
  const m = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - day));
  return m.toISOString().slice(0, 10);
}

export async function dashboardStats(db: PrismaClient, actor: Actor, weeks = 12): Promise<DashboardStats> {
  assertRole(actor, [Role.CLINICIAN, Role.ADMIN]);
  const since = new Date();
  since.setUTCDate(since.getUTCDate() - weeks * 7);
  const [recent, tierGroups, totalCases, labels, crisisReasons] = await Promise.all([
    db.case.findMany({ where: { createdOn: { gte: since } }, select: { createdOn: true, labels: true, tier: true } }),
    db.case.groupBy({ by: ["tier"], _count: { _all: true } }),
    db.case.count(),
    db.caseLabel.findMany({ select: { label: true, present: true, case: { select: { labels: true } } } }),
    db.case.findMany({ where: { tier: Tier.CRISIS }, select: { tierReason: true } }),
  ]);
  const weeksMap = new Map<string, Record<Condition, number>>();
  for (const c of recent) {
    const w = weekStart(c.createdOn);
    if (!weeksMap.has(w)) weeksMap.set(w, Object.fromEntries(CONDITIONS.map((k) => [k, 0])) as Record<Condition, number>);
    const counts = weeksMap.get(w)!;
    const flagged = new Set(c.labels.filter((l): l is Condition => (CONDITIONS as readonly string[]).includes(l)));
    if (c.tier === Tier.CRISIS) flagged.add("suicidal");
    for (const l of flagged) counts[l]++;
  }
  const tiers = Object.fromEntries(Object.values(Tier).map((t) => [t, 0])) as Record<Tier, number>;
  for (const g of tierGroups) tiers[g.tier] = g._count._all;
  const agreement = CONDITIONS.map((condition) => {
    const js = labels.filter((l) => l.label === condition);
    return { condition, agree: js.filter((l) => l.present === l.case.labels.includes(condition)).length, total: js.length };
  });
  return {
    perWeek: [...weeksMap.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([week, counts]) => ({ week, counts })),
    tiers,
    crisisByRule: crisisReasons.filter((c) => crisisByRule(c.tierReason)).length,
    agreement,
    totalCases,
  };
}
