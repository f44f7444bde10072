"use server";
/**
 * Sign-in and sign-out. signInAction is public on purpose (it is the way in); the
 * password length is checked here before anything else, and again inside the
 * credentials provider, which also rate-limits and audits.
 */
import { redirect } from "next/navigation";
import { z } from "zod";
import { CredentialsSignin } from "next-auth";
import { signIn, signOut } from "@/auth";
import { getDb } from "@/lib/db/client";
import { findUserForSignIn } from "@/lib/db/users";
import { passwordTooLong } from "@/lib/auth/password";
import { GENERIC_SIGNIN_MESSAGE, PASSWORD_TOO_LONG_MESSAGE, signInMessage } from "@/lib/auth/messages";
import { ROLE_HOME } from "@/lib/auth/roles";
import { safeCallbackPath } from "@/lib/auth/session";
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
  const target = safeCallbackPath(callbackUrl);
  redirect(target !== "/" ? target : user ? ROLE_HOME[user.role] : "/");
}

/** Signs the current browser out (needs no role: it only clears this browser's cookie). */
export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/signin" });
}

/** Starts single sign-on (public; only offered when AUTH_OIDC_* is configured). */
export async function ssoSignInAction(formData: FormData): Promise<void> {
  const callbackUrl = safeCallbackPath(String(formData.get("callbackUrl") ?? "/"));
  // "/" means "my start page": the sign-in page forwards a signed-in person there.
  await signIn("oidc", { redirectTo: callbackUrl === "/" ? "/signin" : callbackUrl });
}
