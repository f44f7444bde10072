/**
 * Signing out ends the session for good, not just this browser's cookie: the account's sessionVersion moves on, so
 * the token (and any copy of it) is refused at its next request (lib/auth/session.ts checks it every time). Every
 * session of the account ends, since a JWT session has no id of its own to end alone.
 */
import "server-only";
import type { PrismaClient } from "@/lib/db/generated/client";
import { recordAudit } from "@/lib/db/audit";
import { endSessions } from "@/lib/db/users";

/** Reads the token Auth.js decoded from the cookie; a missing or foreign token ends nothing. */
export async function endSessionOfToken(db: PrismaClient, token: { uid?: unknown; sv?: unknown } | null | undefined): Promise<boolean> {
  const uid = typeof token?.uid === "string" ? token.uid : null;
  const sv = typeof token?.sv === "number" ? token.sv : null;
  if (!uid || sv === null) return false;
  const ended = await endSessions(db, uid, sv);
  if (ended) {
    const user = await db.user.findUnique({ where: { id: uid }, select: { id: true, email: true, name: true, role: true } });
    if (user) await recordAudit(db, { actor: user, action: "auth.signout" });
  }
  return ended;
}
