/**
 * Failed sign-ins, counted in memory and written to the audit trail as one "auth.signin.fail" row per account per
 * window, with the count and the reasons. The trail is append-only and can never be trimmed, so one row per failed
 * attempt would let anyone grow it without end; the limiter (rate-limit.ts) stops the attempts themselves.
 * Unknown accounts are counted together under no actor: an attempted email is never written anywhere.
 * A crash loses at most the current window's counts; the limits themselves are unaffected.
 */
import type { AuditInput } from "@/lib/db/audit";
import type { SessionUser } from "./roles";

export type SignInFailureReason = "bad_password" | "unknown_account" | "disabled" | "rate_limited" | "too_long" | "sso_unknown_account" | "sso_email_unverified";

interface Tally {
  actor: SessionUser | null;
  count: number;
  reasons: Partial<Record<SignInFailureReason, number>>;
}

export interface FailedSignIns {
  record(actor: SessionUser | null, reason: SignInFailureReason): void;
  /** Writes one row per account counted since the last flush, then starts a new window. */
  flush(): Promise<void>;
  stop(): void;
}

export function createFailedSignIns(write: (events: AuditInput[]) => Promise<void>, windowSeconds: number): FailedSignIns {
  let tallies = new Map<string, Tally>();
  const flush = async () => {
    if (tallies.size === 0) return;
    const done = tallies;
    tallies = new Map();
    await write(
      [...done.values()].map((t) => ({
        actor: t.actor,
        action: "auth.signin.fail" as const,
        details: { count: t.count, reasons: t.reasons, windowSeconds },
      })),
    );
  };
  const timer = setInterval(() => void flush().catch(() => {}), windowSeconds * 1000);
  timer.unref();
  return {
    record(actor, reason) {
      const key = actor?.id ?? "";
      const t = tallies.get(key) ?? { actor, count: 0, reasons: {} };
      t.count++;
      t.reasons[reason] = (t.reasons[reason] ?? 0) + 1;
      tallies.set(key, t);
    },
    flush,
    stop: () => clearInterval(timer),
  };
}
