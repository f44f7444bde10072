"use client";
import { useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { ROLES, ROLE_LABEL, type Role } from "@/lib/auth/roles";
import { createUserAction } from "./actions";
import { OneTimePassword } from "./one-time-password";

export function AddUserForm() {
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ email: string; generatedPassword: string | null } | null>(null);
  const form = useRef<HTMLFormElement>(null);
  return (
    <section aria-labelledby="add-h" className="rounded-[var(--radius)] border border-border bg-card p-4">
      <h2 id="add-h" className="mb-3 text-lg font-semibold">Add a person</h2>
      <form
        ref={form}
        className="grid gap-3 md:grid-cols-[1fr_1fr_12rem_auto] md:items-end"
        action={(fd) =>
          start(async () => {
            const res = await createUserAction({
              email: String(fd.get("email") ?? ""),
              name: String(fd.get("name") ?? ""),
              role: String(fd.get("role")) as Role,
            });
            if (res.ok) {
              setError(null);
              setCreated(res.data);
              form.current?.reset();
            } else {
              setCreated(null);
              setError(res.error);
            }
          })
        }
      >
        <label className="flex flex-col gap-1 text-sm">
          Email
          <Input name="email" type="email" required autoComplete="off" />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          Name (optional)
          <Input name="name" autoComplete="off" />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          Role
          <NativeSelect name="role" defaultValue="CLINICIAN">
            {ROLES.map((r) => (
              <option key={r} value={r}>{ROLE_LABEL[r]}</option>
            ))}
          </NativeSelect>
        </label>
        <Button type="submit" disabled={pending}>Add</Button>
      </form>
      {error ? <p role="alert" className="mt-3 text-sm">{error}</p> : null}
      {created?.generatedPassword ? (
        <div className="mt-3">
          <OneTimePassword email={created.email} password={created.generatedPassword} />
        </div>
      ) : null}
    </section>
  );
}
