/**
 * Append-only audit trail: who did what to which case, and when. The database
 * rejects UPDATE/DELETE on AuditEvent; this module only ever inserts and reads.
 * Details never hold case text, passwords, addresses or attempted emails.
 */
import "server-only";
import { z } from "zod";
import type { PrismaClient, Prisma } from "./generated/client";
import { Role } from "./generated/enums";
import { type Actor, assertRole, isSystem } from "@/lib/auth/actor";

export const AUDIT_ACTIONS = [
  "case.view",
  "case.claim",
  "case.release",
  "case.status",
  "case.note",
  "case.label",
  "case.delete",
  "case.purge",
  /** The person deleted their own case with its reference and follow-up code (details: { reference }); actor null. */
  "case.erase",
  /** A clinician wrote to the person (details: { resources }: the directory ids attached, never the words). */
  "case.message",
  /** Wrong follow-up codes locked a reference (details: { lockedSeconds, known }); never the code or the client. */
  "followup.lockout",
  "feedback.export",
  /** Stored text brought to newer anonymizer rules, one batch of one table: details { table, toVersion, rows, changed }. */
  "anonymizer.rerun",
  /** An outreach worker explicitly saved one triaged post as a case (details: { reference }). */
  "outreach.case.save",
  "user.create",
  "user.disable",
  "user.enable",
  "user.reset",
  "auth.signin",
  /** Failed sign-ins of one account (or of unknown accounts) over one window: details { count, reasons }. */
  "auth.signin.fail",
  "auth.signout",
  "auth.password.change",
  /** A signed-in person was refused a page, action or route their role may not use: details { where }. */
  "access.refused",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

type Tx = Pick<PrismaClient, "auditEvent">;

export interface AuditInput {
  /** null: nobody is signed in (e.g. a failed sign-in for an unknown account). */
  actor: Actor | null;
  action: AuditAction;
  caseId?: string | null;
  details?: Prisma.InputJsonValue;
}

function actorColumns(actor: Actor | null) {
  if (!actor) return { actorId: null, actorRole: null };
  if (isSystem(actor)) return { actorId: null, actorRole: `SYSTEM:${actor.name}` };
  return { actorId: actor.id, actorRole: actor.role };
}

/** Writes one event. Pass a transaction client to make it atomic with the change it records. */
export async function recordAudit(db: Tx, e: AuditInput): Promise<void> {
  await db.auditEvent.create({
    data: { ...actorColumns(e.actor), action: e.action, caseId: e.caseId ?? null, details: e.details },
  });
}

export async function recordAuditMany(db: Tx, events: AuditInput[]): Promise<void> {
  if (events.length === 0) return;
  await db.auditEvent.createMany({
    data: events.map((e) => ({ ...actorColumns(e.actor), action: e.action, caseId: e.caseId ?? null, details: e.details })),
  });
}

export const auditQuerySchema = z.object({
  action: z.enum(AUDIT_ACTIONS).optional(),
  actorId: z.string().max(64).optional(),
  caseId: z.string().max(64).optional(),
  /** Events with an id below this (paging backwards in time). */
  before: z.coerce.bigint().positive().optional(),
  take: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.input<typeof auditQuerySchema>;

export interface AuditRow {
  id: string;
  at: Date;
  actorId: string | null;
  actorEmail: string | null;
  actorRole: string | null;
  action: string;
  caseId: string | null;
  details: Prisma.JsonValue | null;
}

/** Admins only. Newest first. */
export async function listAuditEvents(
  db: PrismaClient,
  actor: Actor,
  query: AuditQuery = {},
): Promise<{ rows: AuditRow[]; nextBefore: string | null }> {
  assertRole(actor, [Role.ADMIN]);
  const q = auditQuerySchema.parse(query);
  const events = await db.auditEvent.findMany({
    where: {
      action: q.action,
      actorId: q.actorId,
      caseId: q.caseId,
      id: q.before ? { lt: q.before } : undefined,
    },
    orderBy: { id: "desc" },
    take: q.take + 1,
  });
  const page = events.slice(0, q.take);
  const ids = [...new Set(page.map((e) => e.actorId).filter((x): x is string => !!x))];
  const users = ids.length ? await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, email: true } }) : [];
  const emails = new Map(users.map((u) => [u.id, u.email]));
  return {
    rows: page.map((e) => ({
      id: e.id.toString(),
      at: e.at,
      actorId: e.actorId,
      actorEmail: e.actorId ? (emails.get(e.actorId) ?? null) : null,
      actorRole: e.actorRole,
      action: e.action,
      caseId: e.caseId,
      details: e.details,
    })),
    nextBefore: events.length > q.take ? page[page.length - 1]!.id.toString() : null,
  };
}
