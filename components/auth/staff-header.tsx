import Link from "next/link";
import { ROLE_LABEL, type SessionUser } from "@/lib/auth/roles";
import { SignOutButton } from "./sign-out-button";

const NAV: Record<SessionUser["role"], { href: string; label: string }[]> = {
  CLINICIAN: [
    { href: "/review", label: "Case queue" },
    { href: "/dashboard", label: "Dashboard" },
  ],
  ADMIN: [
    { href: "/admin", label: "People" },
    { href: "/admin/audit", label: "Audit trail" },
    { href: "/dashboard", label: "Dashboard" },
    { href: "/outreach", label: "Batch triage" },
  ],
  OUTREACH: [{ href: "/outreach", label: "Batch triage" }],
};

/** Top bar for staff pages: where you are, who you are, and a way out. */
export function StaffHeader({ user, signOut }: { user: SessionUser; signOut: () => Promise<void> }) {
  return (
    <header className="no-print border-b border-border bg-card print:hidden">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <span className="font-semibold">Lantern</span>
        <nav aria-label="Staff" className="flex flex-wrap gap-4 text-sm">
          {NAV[user.role].map((n) => (
            <Link key={n.href} href={n.href} className="underline-offset-4 hover:underline">
              {n.label}
            </Link>
          ))}
        </nav>
        <div className="ml-auto flex items-center gap-3 text-sm">
          <span data-testid="signed-in-as">
            {user.email} · {ROLE_LABEL[user.role]}
          </span>
          <SignOutButton action={signOut} />
        </div>
      </div>
    </header>
  );
}
