/**
 * Password hashing with argon2id (@node-rs/argon2's default algorithm).
 * Length is checked BEFORE hashing so a huge input never reaches the hasher.
 */
import { hash, verify } from "@node-rs/argon2";
import { randomBytes } from "node:crypto";
import { z } from "zod";

import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, PASSWORD_TOO_LONG_MESSAGE } from "./messages";

export { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, PASSWORD_TOO_LONG_MESSAGE };

/** For passwords being set (create, reset). */
export const newPasswordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(MAX_PASSWORD_LENGTH, PASSWORD_TOO_LONG_MESSAGE);

// OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane).
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function passwordTooLong(password: string): boolean {
  return password.length > MAX_PASSWORD_LENGTH;
}

export async function hashPassword(password: string): Promise<string> {
  if (passwordTooLong(password)) throw new RangeError(PASSWORD_TOO_LONG_MESSAGE);
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  if (passwordTooLong(password)) return false;
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// A hash of a random string, verified against when the account does not exist so
// that unknown and known emails take about the same time.
let dummyHash: Promise<string> | undefined;
export async function burnVerifyTime(password: string): Promise<void> {
  dummyHash ??= hash(randomBytes(16).toString("hex"), OPTIONS);
  await verifyPassword(await dummyHash, password);
}

/** A random password shown once (CLI, admin reset, first-start admin): 144 bits, 24 characters. */
export function generatePassword(): string {
  return randomBytes(18).toString("base64url");
}
