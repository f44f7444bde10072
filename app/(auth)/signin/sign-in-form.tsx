"use client";
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { MAX_PASSWORD_LENGTH, PASSWORD_TOO_LONG_MESSAGE } from "@/lib/auth/messages";
import { signInAction, type SignInState } from "../actions";

export function SignInForm({ callbackUrl, initialError }: { callbackUrl: string; initialError: string | null }) {
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, {
    error: initialError,
    email: "",
  });
  const [localError, setLocalError] = useState<string | null>(null);
  const error = localError ?? state.error;

  return (
    <form
      action={action}
      // Checked here too so a huge paste never travels to the server at all.
      onSubmit={(e) => {
        const pw = (e.currentTarget.elements.namedItem("password") as HTMLInputElement).value;
        if (pw.length > MAX_PASSWORD_LENGTH) {
          e.preventDefault();
          setLocalError(PASSWORD_TOO_LONG_MESSAGE);
        } else {
          setLocalError(null);
        }
      }}
      className="flex flex-col gap-4"
      noValidate
    >
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="email">Email</Label>
        <Input id="email" name="email" type="email" autoComplete="username" required defaultValue={state.email} />
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="password">Password</Label>
        <Input id="password" name="password" type="password" autoComplete="current-password" required />
      </div>
      {error ? (
        <p role="alert" className="rounded-[var(--radius)] border border-border bg-muted p-3 text-sm" data-testid="signin-error">
          {error}
        </p>
      ) : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
