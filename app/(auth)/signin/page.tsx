import Link from "next/link";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { z } from "zod";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { CHANGE_PASSWORD_PATH, getCurrentUser, safeCallbackPath } from "@/lib/auth/session";
import { authConfig, oidcConfigured } from "@/lib/auth/config";
import { signInMessage } from "@/lib/auth/messages";
import { ROLE_HOME } from "@/lib/auth/roles";
import { ssoSignInAction } from "../actions";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Staff sign-in" };

const searchSchema = z.object({
  callbackUrl: z.string().max(2_000).optional().catch(undefined),
  code: z.string().max(40).optional().catch(undefined),
  error: z.string().max(40).optional().catch(undefined),
});

// Public page: the way in for staff.
export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const q = searchSchema.parse(await searchParams);
  const callbackUrl = safeCallbackPath(q.callbackUrl);
  const user = await getCurrentUser();
  if (user?.mustChangePassword) redirect(CHANGE_PASSWORD_PATH);
  if (user) redirect(callbackUrl !== "/" ? callbackUrl : ROLE_HOME[user.role]);
  // Auth.js redirects here with ?error=CredentialsSignin&code=<ours> or ?error=AccessDenied (SSO).
  const initialError = signInMessage(q.code ?? q.error);
  const cfg = authConfig();

  return (
    <main id="main" className="mx-auto flex min-h-dvh max-w-md flex-col justify-center p-6">
      <Card>
        <CardHeader>
          <CardTitle as="h1">
            <span className="text-2xl">Staff sign-in</span>
          </CardTitle>
          <CardDescription>For clinicians, outreach workers and administrators of Lantern.</CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-4">
          <SignInForm callbackUrl={callbackUrl} initialError={initialError} />
          {oidcConfigured(cfg) ? (
            <form action={ssoSignInAction}>
              <input type="hidden" name="callbackUrl" value={callbackUrl} />
              <Button type="submit" variant="outline" className="w-full">
                Sign in with {cfg.AUTH_OIDC_NAME}
              </Button>
            </form>
          ) : null}
          <p className="text-sm text-muted-foreground">
            Forgot your password? Your administrator can reset it. If you are looking for support for yourself,{" "}
            <Link className="underline" href="/">
              go to the self-check
            </Link>
            .
          </p>
        </CardContent>
      </Card>
    </main>
  );
}
