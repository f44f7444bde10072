"use server";
/**
 * Sign-in, sign-out and changing one's own password. signInAction is public on purpose (it is the way in); the
 * password length is checked here before anything else, and again inside the credentials provider, which also
 * rate-limits and audits. changePasswordAction needs a signed-in person (even one who must change their password).
 */
import { redirect } from "next/navigation";
import { z } from "zod";
import { CredentialsSignin } from "next-auth";
import { signIn, signOut } from "@/lib/auth/next-auth";
import { getDb } from "@/lib/db/client";
import { changeOwnPassword, findUserForSignIn } from "@/lib/db/users";
import { signInLimiter } from "@/lib/auth/rate-limit";
import { clientKey } from "@/lib/rate-limit";
import { newPasswordSchema, passwordTooLong, verifyPassword } from "@/lib/auth/password";
import { GENERIC_SIGNIN_MESSAGE, MAX_PASSWORD_LENGTH, PASSWORD_TOO_LONG_MESSAGE, signInMessage } from "@/lib/auth/messages";
import { ROLE_HOME } from "@/lib/auth/roles";
import { CHANGE_PASSWORD_PATH, requireSignedIn, safeCallbackPath } from "@/lib/auth/session";
import { logger } from "@/lib/log";

export interface SignInState {
  error: string | null;
  email: string;
}

const formSchema = z.object({
  email: z.string().trim().max(254).default(""),
  password: z.string().default(""),
  callbackUrl: z.string().max(2_000).optional(),
});

const log = logger.child({ module: "signin" });

export async function signInAction(_prev: SignInState, formData: FormData): Promise<SignInState> {
  const parsed = formSchema.safeParse({
    email: formData.get("email") ?? undefined,
    password: formData.get("password") ?? undefined,
    callbackUrl: formData.get("callbackUrl") ?? undefined,
  });
  if (!parsed.success) return { error: signInMessage("invalid"), email: "" };
  const { email, password, callbackUrl } = parsed.data;
  if (passwordTooLong(password)) return { error: PASSWORD_TOO_LONG_MESSAGE, email };
  if (!email || !password) return { error: "Please enter your email and password.", email };

  try {
    await signIn("credentials", { email, password, redirect: false });
  } catch (err) {
    if (err instanceof CredentialsSignin) return { error: signInMessage(err.code), email };
    log.error({ err }, "sign-in failed");
    return { error: GENERIC_SIGNIN_MESSAGE, email };
  }
  const user = await findUserForSignIn(await getDb(), email);
  if (user?.mustChangePassword) redirect(CHANGE_PASSWORD_PATH);
  const target = safeCallbackPath(callbackUrl);
  redirect(target !== "/" ? target : user ? ROLE_HOME[user.role] : "/");
}

/**
 * Signs out (needs no role). Auth.js's signOut event (lib/auth/next-auth.ts) bumps the account's sessionVersion, so the token
 * this browser held is refused from then on, wherever a copy of it is.
 */
export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/signin" });
}

export interface ChangePasswordState {
  error: string | null;
  kind?: "unauthenticated" | "invalid";
}

const changeSchema = z
  .object({
    current: z.string().max(MAX_PASSWORD_LENGTH, PASSWORD_TOO_LONG_MESSAGE),
    next: newPasswordSchema,
    again: z.string().max(MAX_PASSWORD_LENGTH, PASSWORD_TOO_LONG_MESSAGE),
  })
  .refine((v) => v.next === v.again, { message: "The two new passwords are not the same.", path: ["again"] })
  .refine((v) => v.next !== v.current, { message: "Please choose a password different from the current one.", path: ["next"] });

/** The signed-in person's own password. Afterwards every session ends, and they sign in with the new one. */
export async function changePasswordAction(_prev: ChangePasswordState, formData: FormData): Promise<ChangePasswordState> {
  const me = await requireSignedIn().catch(() => null);
  if (!me) return { error: "Please sign in to continue.", kind: "unauthenticated" };
  const field = (name: string) => (formData instanceof FormData ? (formData.get(name) ?? "") : undefined);
  const parsed = changeSchema.safeParse({ current: field("current"), next: field("next"), again: field("again") });
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "Please check the form and try again.", kind: "invalid" };
  // The current password is guessed against the same limits as a sign-in (a borrowed session must not be a way
  // to try passwords faster).
  const taken = await signInLimiter().take(me.email, await clientKey());
  if (!taken.ok) return { error: signInMessage("rate_limited") };
  const db = await getDb();
  const account = await findUserForSignIn(db, me.email);
  if (!account?.passwordHash || !(await verifyPassword(account.passwordHash, parsed.data.current))) {
    await signInLimiter().failed(taken.attempt);
    return { error: "The current password is not right. Please check it and try again." };
  }
  await signInLimiter().succeeded(taken.attempt);
  try {
    await changeOwnPassword(db, me, parsed.data.next);
  } catch (err) {
    log.error({ err }, "password change failed");
    return { error: GENERIC_SIGNIN_MESSAGE };
  }
  redirect("/signin?code=password_changed");
}

/** Starts single sign-on (public; only offered when AUTH_OIDC_* is configured). */
export async function ssoSignInAction(formData: FormData): Promise<void> {
  const callbackUrl = safeCallbackPath(String(formData.get("callbackUrl") ?? "/"));
  // "/" means "my start page": the sign-in page forwards a signed-in person there.
  await signIn("oidc", { redirectTo: callbackUrl === "/" ? "/signin" : callbackUrl });
}
