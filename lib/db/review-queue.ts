/**
 * The clinician queue: risk order (crisis first, then model confidence, then the
 * oldest), filters, paging and counts per status. Clinicians only. Rows carry no
 * case text: reading a case is a separate, audited step (lib/db/review.ts).
 */
import "server-only";
import { describeTierReason } from "@/lib/assessment/tier-reason";
import type { Prisma, PrismaClient } from "./generated/client";
import { CaseStatus, Role, type Tier } from "./generated/enums";
import { type Actor, assertRole } from "@/lib/auth/actor";
import { PAGE_SIZE, queueFilterSchema, type QueueFilter } from "@/lib/review/schemas";

export const REVIEW_ROLES = [Role.CLINICIAN] as const;

export interface QueueRow {
  id: string;
  reference: string;
  tier: Tier;
  /** Why the tier, in one line ("reason not recorded" for cases saved before reasons were kept). */
  tierReason: string;
  topLabel: string;
  labels: string[];
  confidence: number;
  country: string;
  createdOn: string;
  status: CaseStatus;
  /** The person wrote back (with their follow-up code) and no clinician has written since. */
  personWroteBack: boolean;
  claimedBy: { id: string; email: string; name: string | null } | null;
}

export interface QueuePage {
  rows: QueueRow[];
  total: number;
  page: number;
  pageCount: number;
  /** Counts per status under the same filters (ignoring the status filter). */
  counts: Record<CaseStatus, number>;
}

function toDate(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

function whereFor(f: QueueFilter, withStatus: boolean): Prisma.CaseWhereInput {
  return {
    labels: f.condition ? { has: f.condition } : undefined,
    tier: f.tier,
    country: f.country,
    reference: f.reference ? { contains: f.reference } : undefined,
    status: withStatus ? f.status : undefined,
    createdOn: f.from || f.to ? { gte: f.from ? toDate(f.from) : undefined, lte: f.to ? toDate(f.to) : undefined } : undefined,
  };
}

export async function listQueue(db: PrismaClient, actor: Actor, filter: unknown = {}): Promise<QueuePage> {
  assertRole(actor, REVIEW_ROLES);
  const f = queueFilterSchema.parse(filter);
  const where = whereFor(f, true);
  const [total, rows, grouped] = await Promise.all([
    db.case.count({ where }),
    db.case.findMany({
      where,
      // A person who wrote back comes first within their tier: they are waiting for an answer.
      orderBy: [{ tier: "asc" }, { personWroteBack: "desc" }, { confidence: "desc" }, { seq: "asc" }],
      skip: (f.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        reference: true,
        tier: true,
        tierReason: true,
        topLabel: true,
        labels: true,
        confidence: true,
        country: true,
        createdOn: true,
        status: true,
        personWroteBack: true,
        claimedBy: { select: { id: true, email: true, name: true } },
      },
    }),
    db.case.groupBy({ by: ["status"], where: whereFor(f, false), _count: { _all: true } }),
  ]);
  const counts = Object.fromEntries(Object.values(CaseStatus).map((s) => [s, 0])) as Record<CaseStatus, number>;
  for (const g of grouped) counts[g.status] = g._count._all;
  return {
    rows: rows.map((r) => ({ ...r, tierReason: describeTierReason(r.tierReason), createdOn: r.createdOn.toISOString().slice(0, 10) })),
    total,
    page: f.page,
    pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    counts,
  };
}

/**
 * A cheap fingerprint of the queue for polling: when it changes the page refreshes.
 * Changes on new cases (max seq, count), on workflow changes (latest updatedAt) and on new messages (a person writing
 * back sets no updatedAt, which would tell when they wrote).
 */
export async function queueVersion(db: PrismaClient, actor: Actor): Promise<string> {
  assertRole(actor, REVIEW_ROLES);
  const [agg, messages] = await Promise.all([
    db.case.aggregate({ _count: { _all: true }, _max: { seq: true, updatedAt: true } }),
    db.caseMessage.aggregate({ _max: { seq: true } }),
  ]);
  return [agg._count._all, agg._max.seq ?? 0, agg._max.updatedAt?.getTime() ?? 0, messages._max.seq ?? 0].join(".");
}
