/**
 * Email + password check behind the credentials provider. Order matters: size check (before any hashing), a
 * limiter point taken (before the password is verified, so parallel guesses each pay), lookup, argon2id verify,
 * then the point given back on success. Refusals are counted per account and window (failed-signins.ts), without
 * the attempted email, password or address.
 */
import "server-only";
import { z } from "zod";
import type { PrismaClient } from "@/lib/db/generated/client";
import { findUserForSignIn, markSignedIn } from "@/lib/db/users";
import { burnVerifyTime, passwordTooLong, verifyPassword } from "./password";
import type { FailedSignIns } from "./failed-signins";
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

export type SignedIn = SessionUser & { sessionVersion: number; mustChangePassword: boolean };

export async function checkCredentials(
  db: PrismaClient,
  limiter: SignInLimiter,
  failures: Pick<FailedSignIns, "record">,
  raw: unknown,
  clientKey: string,
): Promise<SignedIn> {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) throw new SignInRefused("invalid");
  const { email, password } = parsed.data;
  if (passwordTooLong(password)) {
    failures.record(null, "too_long");
    throw new SignInRefused("too_long");
  }
  const taken = await limiter.take(email, clientKey);
  if (!taken.ok) {
    const user = await findUserForSignIn(db, email);
    failures.record(user ? actorOf(user) : null, "rate_limited");
    throw new SignInRefused("rate_limited");
  }
  const user = await findUserForSignIn(db, email);
  let ok = false;
  if (user?.passwordHash) ok = await verifyPassword(user.passwordHash, password);
  else await burnVerifyTime(password);

  if (!user || !ok || user.disabled) {
    await limiter.failed(taken.attempt);
    failures.record(user ? actorOf(user) : null, !user ? "unknown_account" : !ok ? "bad_password" : "disabled");
    throw new SignInRefused("invalid");
  }
  await limiter.succeeded(taken.attempt);
  const signedIn = actorOf(user);
  await markSignedIn(db, signedIn);
  return { ...signedIn, sessionVersion: user.sessionVersion, mustChangePassword: user.mustChangePassword };
}

function actorOf(u: SessionUser): SessionUser {
  return { id: u.id, email: u.email, name: u.name, role: u.role };
}
