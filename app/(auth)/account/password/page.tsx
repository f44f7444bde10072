import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { signOutAction } from "@/app/(auth)/actions";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { CHANGE_PASSWORD_PATH, getCurrentUser } from "@/lib/auth/session";
import { ChangePasswordForm } from "./change-password-form";

export const metadata: Metadata = { title: "Choose a new password" };

// Any signed-in person, including one whose password was generated for them (the first administrator), who cannot
// open anything else until they have chosen their own.
export default async function ChangePasswordPage() {
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(CHANGE_PASSWORD_PATH)}`);
  return (
    <main id="main" className="mx-auto flex min-h-dvh max-w-md flex-col justify-center p-6">
      <Card>
        <CardHeader>
          <CardTitle as="h1">
            <span className="text-2xl">Choose a new password</span>
          </CardTitle>
          <CardDescription>
            {user.mustChangePassword
              ? "This account's password was generated when Lantern was set up. Choose your own before you continue."
              : `Signed in as ${user.email}.`}
          </CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-4">
          <ChangePasswordForm />
          <SignOutButton action={signOutAction} />
        </CardContent>
      </Card>
    </main>
  );
}
