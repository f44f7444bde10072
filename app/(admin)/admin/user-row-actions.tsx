"use client";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { resetPasswordAction, setDisabledAction } from "./actions";
import { OneTimePassword } from "./one-time-password";

export function UserRowActions({ userId, email, disabled }: { userId: string; email: string; disabled: boolean }) {
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [password, setPassword] = useState<string | null>(null);
  return (
    <div className="flex flex-col items-start gap-2">
      <div className="flex flex-wrap gap-2">
        <Button
          size="sm"
          variant="outline"
          disabled={pending}
          aria-label={`${disabled ? "Enable" : "Disable"} ${email}`}
          onClick={() =>
            start(async () => {
              const res = await setDisabledAction({ userId, disabled: !disabled });
              setError(res.ok ? null : res.error);
            })
          }
        >
          {disabled ? "Enable" : "Disable"}
        </Button>
        <Button
          size="sm"
          variant="outline"
          disabled={pending}
          aria-label={`Reset password of ${email}`}
          onClick={() => {
            if (!window.confirm(`Reset the password of ${email}? Their current sessions end.`)) return;
            start(async () => {
              const res = await resetPasswordAction({ userId });
              if (res.ok) {
                setError(null);
                setPassword(res.data.generatedPassword);
              } else setError(res.error);
            });
          }}
        >
          Reset password
        </Button>
      </div>
      {error ? <p role="alert" className="text-sm">{error}</p> : null}
      {password ? <OneTimePassword email={email} password={password} /> : null}
    </div>
  );
}
