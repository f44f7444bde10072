import type { Env } from "@/lib/env";

type MultiInstanceSettings = Pick<Env, "LANTERN_INSTANCES" | "DATABASE_URL" | "AUTH_SECRET" | "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY">;

/**
 * Why this configuration cannot run as several instances, in one message, or null when it can (or is one instance).
 * Each missing setting would split the instances silently rather than fail: without DATABASE_URL each would keep
 * its own embedded database (its own cases, review queue and limits); without AUTH_SECRET each would sign sessions,
 * save receipts and follow-up sessions with its own key (and key clients apart in the limits), so the other
 * instances would reject them; without NEXT_SERVER_ACTIONS_ENCRYPTION_KEY separately built instances encrypt
 * server-action ids with different keys, so a form served by one fails when posted to another.
 */
export function multiInstanceProblem(v: MultiInstanceSettings): string | null {
  if (v.LANTERN_INSTANCES <= 1) return null;
  const missing = (
    [
      ["DATABASE_URL", v.DATABASE_URL],
      ["AUTH_SECRET", v.AUTH_SECRET],
      ["NEXT_SERVER_ACTIONS_ENCRYPTION_KEY", v.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY],
    ] as const
  )
    .filter(([, value]) => !value)
    .map(([name]) => name);
  if (missing.length === 0) return null;
  return (
    `Lantern cannot start: LANTERN_INSTANCES=${v.LANTERN_INSTANCES} says several instances serve this deployment, ` +
    `but ${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} not set. ` +
    "Every instance needs the same DATABASE_URL (one PostgreSQL holds the cases, the review queue and the rate limits; " +
    "the embedded database is one process's alone), the same AUTH_SECRET (sessions, save receipts and rate-limit keys " +
    "made by one instance must be accepted by the others) and the same NEXT_SERVER_ACTIONS_ENCRYPTION_KEY (a form " +
    "served by one instance must work when it is sent to another). Set them, or set LANTERN_INSTANCES=1."
  );
}
