import "server-only";
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { env } from "@/lib/env";

/**
 * After a right code, the person holds a short-lived signed cookie for that one case, so reading, writing back and
 * deleting do not ask for the code again (and do not spend lockout points). It carries the case id and when it ends,
 * nothing else; httpOnly, SameSite=Strict, scoped to /follow-up. Leaving the page's "Close" clears it.
 */
export const FOLLOW_UP_COOKIE = "lantern_follow_up";
export const FOLLOW_UP_SESSION_SECONDS = 20 * 60;
const VERSION = "1";

function signingKey(): Buffer {
  // Derived from AUTH_SECRET (required in production) under its own label, like the save receipts.
  if (env.AUTH_SECRET) return createHash("sha256").update(`lantern follow-up session v${VERSION}\0${env.AUTH_SECRET}`).digest();
  const g = globalThis as { __lanternFollowUpKey?: Buffer };
  return (g.__lanternFollowUpKey ??= randomBytes(32));
}

const sign = (payload: string) => createHmac("sha256", signingKey()).update(payload).digest("base64url");
const caseIdSchema = z.uuid();

export function issueFollowUpSession(caseId: string, now = Date.now()): string {
  const payload = `${VERSION}.${caseIdSchema.parse(caseId)}.${now + FOLLOW_UP_SESSION_SECONDS * 1000}`;
  return `${payload}.${sign(payload)}`;
}

/** The case a session cookie opens, if the cookie is ours and unexpired. */
export function readFollowUpSession(token: string | undefined, now = Date.now()): string | null {
  if (!token || token.length > 200) return null;
  const parts = token.split(".");
  if (parts.length !== 4) return null;
  const [version, caseId, expires, mac] = parts as [string, string, string, string];
  const expected = Buffer.from(sign(`${version}.${caseId}.${expires}`));
  const given = Buffer.from(mac);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  if (version !== VERSION || !caseIdSchema.safeParse(caseId).success) return null;
  const until = Number(expires);
  if (!Number.isSafeInteger(until) || until <= now) return null;
  return caseId;
}

/** `origin`: the request's Origin header; the cookie is Secure whenever the page was served over https. */
export function followUpCookieOptions(origin: string | null) {
  return {
    httpOnly: true,
    sameSite: "strict" as const,
    secure: origin ? origin.startsWith("https:") : env.NODE_ENV === "production",
    path: "/follow-up",
    maxAge: FOLLOW_UP_SESSION_SECONDS,
  };
}
