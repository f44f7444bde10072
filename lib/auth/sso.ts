/**
 * Who may sign in through the organisation's OpenID Connect provider: an existing, enabled Lantern account whose
 * email the provider says it has verified (`email_verified === true`, not merely absent or truthy). SSO never
 * creates accounts: an admin adds the person first, by the email their organisation uses.
 */
import "server-only";
import type { PrismaClient } from "@/lib/db/generated/client";
import { findUserForSignIn } from "@/lib/db/users";
import type { SignInFailureReason } from "./failed-signins";
import type { SessionUser } from "./roles";

export type SsoDecision = { ok: true; user: SessionUser } | { ok: false; reason: SignInFailureReason; user: SessionUser | null };

export async function decideSsoSignIn(db: PrismaClient, profile: { email?: unknown; email_verified?: unknown } | null | undefined): Promise<SsoDecision> {
  const email = typeof profile?.email === "string" ? profile.email : "";
  if (!email) return { ok: false, reason: "sso_unknown_account", user: null };
  const found = await findUserForSignIn(db, email);
  const user = found ? { id: found.id, email: found.email, name: found.name, role: found.role } : null;
  if (profile?.email_verified !== true) return { ok: false, reason: "sso_email_unverified", user };
  if (!found) return { ok: false, reason: "sso_unknown_account", user: null };
  if (found.disabled) return { ok: false, reason: "disabled", user };
  return { ok: true, user: user! };
}
