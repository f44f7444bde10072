/** Shows a generated password once; it is not stored anywhere in clear and cannot be shown again. */
export function OneTimePassword({ email, password }: { email: string; password: string }) {
  return (
    <div role="status" className="rounded-[var(--radius)] border border-border bg-accent p-3 text-sm">
      <p>
        Password for <strong>{email}</strong> (shown only now; hand it over in person or through a secure channel):
      </p>
      <p className="mt-1 select-all font-mono text-base" data-testid="one-time-password">{password}</p>
    </div>
  );
}
