import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { signOutAction } from "@/app/(auth)/actions";
import { StaffHeader } from "@/components/auth/staff-header";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { requirePageRole } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { AUDIT_ACTIONS, listAuditEvents } from "@/lib/db/audit";

export const metadata: Metadata = { title: "Audit trail" };

const searchSchema = z.object({
  action: z.enum(AUDIT_ACTIONS).optional().catch(undefined),
  caseId: z.uuid().optional().catch(undefined),
  before: z.string().regex(/^\d{1,19}$/).optional().catch(undefined),
});

// Admins only: checked here and in listAuditEvents().
export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const me = await requirePageRole("/admin/audit", "ADMIN");
  const q = searchSchema.parse(await searchParams);
  const { rows, nextBefore } = await listAuditEvents(await getDb(), me, { ...q, take: 50 });
  const next = new URLSearchParams({ ...(q.action ? { action: q.action } : {}), ...(q.caseId ? { caseId: q.caseId } : {}), ...(nextBefore ? { before: nextBefore } : {}) });
  return (
    <>
      <StaffHeader user={me} signOut={signOutAction} />
      <main id="main" className="mx-auto flex max-w-6xl flex-col gap-5 p-4">
        <h1 className="text-2xl font-semibold">Audit trail</h1>
        <p className="text-sm text-muted-foreground">Every view, claim, change, note, label, export, deletion, purge, sign-in and account change, newest first. It cannot be edited.</p>
        <form method="get" className="flex flex-wrap items-end gap-3" aria-label="Filter the audit trail">
          <label className="flex flex-col gap-1 text-sm">
            Action
            <NativeSelect name="action" defaultValue={q.action ?? ""}>
              <option value="">Any</option>
              {AUDIT_ACTIONS.map((a) => (
                <option key={a} value={a}>{a}</option>
              ))}
            </NativeSelect>
          </label>
          <label className="flex flex-col gap-1 text-sm">
            Case id
            <Input name="caseId" defaultValue={q.caseId ?? ""} />
          </label>
          <Button type="submit">Filter</Button>
        </form>
        {/* Wider than a phone: the table scrolls inside this box (focusable, so a keyboard can scroll it too). */}
        <div className="relative overflow-x-auto rounded-[var(--radius)] border border-border bg-card" tabIndex={0} role="region" aria-label="Audit events">
          <table className="w-full text-left text-sm" data-testid="audit">
            <thead className="border-b border-border bg-muted">
              <tr>
                <th scope="col" className="p-3">When (UTC)</th>
                <th scope="col" className="p-3">Who</th>
                <th scope="col" className="p-3">Action</th>
                <th scope="col" className="p-3">Case</th>
                <th scope="col" className="p-3">Details</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className="border-b border-border align-top last:border-0" data-action={r.action}>
                  <td className="p-3 whitespace-nowrap">{r.at.toISOString().slice(0, 19).replace("T", " ")}</td>
                  <td className="p-3">{r.actorEmail ?? (r.actorRole?.startsWith("SYSTEM:") ? `system (${r.actorRole.slice(7)})` : "anonymous")}{r.actorRole && !r.actorRole.startsWith("SYSTEM:") ? <span className="block text-xs text-muted-foreground">{r.actorRole}</span> : null}</td>
                  <td className="p-3 font-mono">{r.action}</td>
                  <td className="p-3 font-mono text-xs">{r.caseId ?? ""}</td>
                  <td className="p-3 font-mono text-xs">{r.details ? JSON.stringify(r.details) : ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {nextBefore ? <Link className="text-sm underline" href={`/admin/audit?${next}`}>Older events</Link> : null}
      </main>
    </>
  );
}
