"use client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/messages";
import { changePasswordAction, type ChangePasswordState } from "../../actions";

export function ChangePasswordForm() {
  const [state, action, pending] = useActionState<ChangePasswordState, FormData>(changePasswordAction, { error: null });
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="current">Current password</Label>
        <Input id="current" name="current" type="password" autoComplete="current-password" required />
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="next">New password</Label>
        <Input id="next" name="next" type="password" autoComplete="new-password" minLength={MIN_PASSWORD_LENGTH} required aria-describedby="next-hint" />
        <p id="next-hint" className="text-sm text-muted-foreground">
          At least {MIN_PASSWORD_LENGTH} characters; a few unrelated words work well.
        </p>
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="again">New password again</Label>
        <Input id="again" name="again" type="password" autoComplete="new-password" required />
      </div>
      {state.error ? (
        <p role="alert" className="rounded-[var(--radius)] border border-border bg-muted p-3 text-sm" data-testid="password-error">
          {state.error}
        </p>
      ) : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save new password"}
      </Button>
    </form>
  );
}
