import type { Metadata } from "next";
import { signOutAction } from "@/app/(auth)/actions";
import { StaffHeader } from "@/components/auth/staff-header";
import { requirePageRole } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { listUsers } from "@/lib/db/users";
import { ROLE_LABEL } from "@/lib/auth/roles";
import { AddUserForm } from "./add-user-form";
import { UserRowActions } from "./user-row-actions";

export const metadata: Metadata = { title: "People" };

// Admins only: checked here and in listUsers().
export default async function AdminPage() {
  const me = await requirePageRole("/admin", "ADMIN");
  const users = await listUsers(await getDb(), me);
  return (
    <>
      <StaffHeader user={me} signOut={signOutAction} />
      <main id="main" className="mx-auto flex max-w-6xl flex-col gap-6 p-4">
        <h1 className="text-2xl font-semibold">People</h1>
        <AddUserForm />
        <div className="relative overflow-x-auto rounded-[var(--radius)] border border-border bg-card">
          <table className="w-full text-left text-sm" data-testid="users">
            <thead className="border-b border-border bg-muted">
              <tr>
                <th scope="col" className="p-3">Email</th>
                <th scope="col" className="p-3">Role</th>
                <th scope="col" className="p-3">State</th>
                <th scope="col" className="p-3">Last sign-in (UTC)</th>
                <th scope="col" className="p-3"><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id} className="border-b border-border last:border-0" data-email={u.email}>
                  <td className="p-3">{u.email}{u.name ? <span className="block text-xs text-muted-foreground">{u.name}</span> : null}</td>
                  <td className="p-3">{ROLE_LABEL[u.role]}</td>
                  <td className="p-3" data-testid="user-state">{u.disabled ? "Disabled" : "Active"}</td>
                  <td className="p-3">{u.lastLoginAt ? u.lastLoginAt.toISOString().slice(0, 16).replace("T", " ") : "Never"}</td>
                  <td className="p-3">
                    {u.id === me.id ? <span className="text-xs text-muted-foreground">You</span> : <UserRowActions userId={u.id} email={u.email} disabled={u.disabled} />}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </main>
    </>
  );
}
