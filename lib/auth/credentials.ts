/**
 * Email + password check behind the credentials provider. Order matters:
 * size check (before any hashing), rate limit, lookup, argon2id verify, session check.
 * Every refusal is audited without the attempted email, password or address.
 */
import "server-only";
import { z } from "zod";
import type { PrismaClient } from "@/lib/db/generated/client";
import { recordAudit } from "@/lib/db/audit";
import { findUserForSignIn, markSignedIn } from "@/lib/db/users";
import { burnVerifyTime, passwordTooLong, verifyPassword } from "./password";
import type { SignInLimiter } from "./rate-limit";
import type { SessionUser } from "./roles";

/** Codes travel in the sign-in URL (?code=...), so they say nothing about which part was wrong. */
export type SignInRefusal = "invalid" | "too_long" | "rate_limited";

export class SignInRefused extends Error {
  override name = "SignInRefused";
  constructor(readonly code: SignInRefusal) {
    super(code);
  }
}

const credentialsSchema = z.object({
  email: z.string().max(1_000),
  password: z.string(),
});

export type SignedIn = SessionUser & { sessionVersion: number };

export async function checkCredentials(
  db: PrismaClient,
  limiter: SignInLimiter,
  raw: unknown,
  address: string,
): Promise<SignedIn> {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) throw new SignInRefused("invalid");
  const { email, password } = parsed.data;
  if (passwordTooLong(password)) {
    await recordAudit(db, { actor: null, action: "auth.signin.fail", details: { reason: "too_long" } });
    throw new SignInRefused("too_long");
  }
  if ((await limiter.blockedFor(email, address)) > 0) {
    await recordAudit(db, { actor: null, action: "auth.signin.fail", details: { reason: "rate_limited" } });
    throw new SignInRefused("rate_limited");
  }
  const user = await findUserForSignIn(db, email);
  let ok = false;
  if (user?.passwordHash) ok = await verifyPassword(user.passwordHash, password);
  else await burnVerifyTime(password);

  if (!user || !ok || user.disabled) {
    await limiter.recordFailure(email, address);
    const reason = !user ? "unknown_account" : !ok ? "bad_password" : "disabled";
    await recordAudit(db, {
      actor: user ? { id: user.id, email: user.email, name: user.name, role: user.role } : null,
      action: "auth.signin.fail",
      details: { reason },
    });
    throw new SignInRefused("invalid");
  }
  await limiter.recordSuccess(email);
  const signedIn = { id: user.id, email: user.email, name: user.name, role: user.role };
  await markSignedIn(db, signedIn);
  return { ...signedIn, sessionVersion: user.sessionVersion };
}

/** The client's address for rate limiting only (kept in memory, never stored). */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip") || "unknown";
}
