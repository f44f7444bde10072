/**
 * The one place that answers "who is making this request?". Reads the signed
 * session cookie, then re-checks the account in the database on EVERY request:
 * disabled users and sessions issued before a sessionVersion bump get nothing.
 */
import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { auth } from "./next-auth";
import { getDb } from "@/lib/db/client";
import { findActiveSessionUser } from "@/lib/db/users";
import { recordAudit } from "@/lib/db/audit";
import { logger } from "@/lib/log";
import { AuthError } from "./errors";
import { safeCallbackPath } from "./callback-path";
import type { Role, SessionUser } from "./roles";

/** The signed-in, enabled user for this request, or null. Cached per request. */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = (await auth()) as { user?: { id?: string; sv?: number } } | null;
  const id = session?.user?.id;
  const sv = session?.user?.sv;
  if (!id || typeof sv !== "number") return null;
  return findActiveSessionUser(await getDb(), id, sv);
});

/** The page where a person whose password was generated for them chooses their own. */
export const CHANGE_PASSWORD_PATH = "/account/password";

/**
 * Signed in, even while the password must still be changed: only for changing it (and signing out).
 * Throws AuthError("unauthenticated").
 */
export async function requireSignedIn(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) throw new AuthError("unauthenticated");
  return user;
}

/** For server actions, route handlers and data access: throws AuthError("unauthenticated" | "forbidden"). */
export async function requireUser(): Promise<SessionUser> {
  const user = await requireSignedIn();
  if (user.mustChangePassword) throw new AuthError("forbidden", "Please choose a new password first.");
  return user;
}

/**
 * Throws AuthError("unauthenticated" | "forbidden"). Example: `const me = await requireRole("CLINICIAN")`.
 * A signed-in person refused for their role is audited ("access.refused"): staff probing beyond their role is
 * something an administrator should be able to see.
 */
export async function requireRole(...roles: Role[]): Promise<SessionUser> {
  const user = await requireUser();
  if (!roles.includes(user.role)) {
    await recordRefusal(user, { needed: roles });
    throw new AuthError("forbidden");
  }
  return user;
}

async function recordRefusal(user: SessionUser, details: { where?: string; needed: Role[] }): Promise<void> {
  try {
    await recordAudit(await getDb(), { actor: user, action: "access.refused", details });
  } catch (err) {
    // The refusal stands whether or not it could be written down.
    logger.error({ err }, "could not audit a refused access");
  }
}

/**
 * For pages and layouts: anonymous -> /signin (back to `from` afterwards),
 * wrong role -> /no-access. Never rely on this alone: actions and queries check too.
 */
export async function requirePageRole(from: string, ...roles: Role[]): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(safeCallbackPath(from))}`);
  if (user.mustChangePassword) redirect(CHANGE_PASSWORD_PATH);
  if (roles.length > 0 && !roles.includes(user.role)) {
    await recordRefusal(user, { where: safeCallbackPath(from).split("?")[0]!, needed: roles });
    redirect("/no-access");
  }
  return user;
}

export { safeCallbackPath } from "./callback-path";
