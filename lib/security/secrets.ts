// The production server refuses to start without a strong AUTH_SECRET: it signs the staff session
// cookies, so a guessable one would let anyone mint a clinician's session and read saved cases.
// No "server-only": instrumentation and the unit test call it directly.
import { readEnv } from "@/lib/env";

const PLACEHOLDER_WORDS = ["changeme", "change-me", "change_me", "replaceme", "replace-me", "your-secret", "yoursecret", "placeholder", "example", "xxxxxxxx"];

export const MIN_SECRET_LENGTH = 32;

/** Why this AUTH_SECRET is unacceptable, in one sentence, or null when it is fine. */
export function authSecretProblem(value: string | undefined): string | null {
  if (!value || value.trim() === "") {
    return "AUTH_SECRET is not set. Generate one with `openssl rand -base64 32` and set it in the server's environment.";
  }
  if (value.length < MIN_SECRET_LENGTH) {
    return `AUTH_SECRET is too short (${value.length} characters; at least ${MIN_SECRET_LENGTH} needed). Generate one with \`openssl rand -base64 32\`.`;
  }
  const lower = value.toLowerCase();
  if (PLACEHOLDER_WORDS.some((word) => lower.includes(word))) {
    return "AUTH_SECRET looks like a placeholder from an example file. Generate a real one with `openssl rand -base64 32`.";
  }
  if (new Set(value).size < 10) {
    return "AUTH_SECRET repeats too few different characters to be hard to guess. Generate one with `openssl rand -base64 32`.";
  }
  return null;
}

/** Everything wrong with the production secrets, as plain sentences (empty when the server may start). */
export function productionSecretProblems(env: Record<string, string | undefined> = readEnv()): string[] {
  const problems: string[] = [];
  const secret = authSecretProblem(env.AUTH_SECRET ?? env.NEXTAUTH_SECRET);
  if (secret) problems.push(secret);
  return problems;
}

/**
 * Called first thing at server start (instrumentation.ts). In production, a bad secret ends the process
 * with one clear message and exit code 78 (EX_CONFIG): a supervisor should not restart it in a loop
 * (systemd: RestartPreventExitStatus=78), because nothing will change until someone sets the secret.
 */
export function enforceProductionSecrets(env: Record<string, string | undefined> = readEnv()): void {
  if (env.NODE_ENV !== "production") return;
  const problems = productionSecretProblems(env);
  if (problems.length === 0) return;
  process.stderr.write(`\nLantern cannot start: ${problems.join(" ")}\n\n`);
  process.exit(78);
}
