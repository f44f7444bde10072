import type { Metadata } from "next";
import Link from "next/link";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getCurrentUser } from "@/lib/auth/session";
import { ROLE_HOME, ROLE_LABEL } from "@/lib/auth/roles";
import { signOutAction } from "@/app/(auth)/actions";
import { SignOutButton } from "@/components/auth/sign-out-button";

export const metadata: Metadata = { title: "No access" };

// Public page: says only that this account cannot open what it asked for.
export default async function NoAccessPage() {
  const user = await getCurrentUser();
  return (
    <main id="main" className="mx-auto flex min-h-dvh max-w-md flex-col justify-center p-6">
      <Card>
        <CardHeader>
          <CardTitle as="h1">
            <span className="text-2xl">This page is not part of your role</span>
          </CardTitle>
          <CardDescription>
            {user ? `You are signed in as ${ROLE_LABEL[user.role].toLowerCase()}.` : "You are not signed in."}
          </CardDescription>
        </CardHeader>
        <CardContent className="flex flex-wrap gap-3">
          {user ? (
            <>
              <Link className="underline" href={ROLE_HOME[user.role]}>
                Go to your start page
              </Link>
              <SignOutButton action={signOutAction} />
            </>
          ) : (
            <Link className="underline" href="/signin">
              Sign in
            </Link>
          )}
        </CardContent>
      </Card>
    </main>
  );
}
