/** Roles and what each one is for. Client-safe (no server imports). */
import { Role } from "@/lib/db/generated/enums";

export { Role };
export type RoleName = keyof typeof Role;

export const ROLES = [Role.ADMIN, Role.CLINICIAN, Role.OUTREACH] as const;

/** Where each role lands after signing in. */
export const ROLE_HOME: Record<Role, string> = {
  ADMIN: "/admin",
  CLINICIAN: "/review",
  OUTREACH: "/outreach",
};

export const ROLE_LABEL: Record<Role, string> = {
  ADMIN: "Administrator",
  CLINICIAN: "Clinician",
  OUTREACH: "Outreach worker",
};

/** The signed-in person as the app sees them, always freshly read from the database. */
export interface SessionUser {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  /** Set while the account's password was generated for it (first administrator): only changing it is allowed. */
  mustChangePassword?: boolean;
}

export function hasRole(user: Pick<SessionUser, "role"> | null | undefined, roles: readonly Role[]): boolean {
  return !!user && roles.includes(user.role);
}
