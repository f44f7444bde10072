/**
 * The one-time follow-up code: 12 Crockford base32 characters (60 random bits) in three groups of four, e.g.
 * "7K3Q-9MZD-X2PA". It is shown once, when the case is saved, and only its argon2id hash is kept.
 *
 * The hash settings are lighter than a password's (lib/auth/password.ts): a password is guessable, so its hash has
 * to make every offline guess expensive; this code is 60 bits from the CSPRNG, so even a fast hash leaves 2^59
 * guesses on average against a stolen row. What stops online guessing is the lockout (limits.ts). The light settings
 * keep a save at ~2-3 ms of CPU instead of ~10-15 (docs/decisions/004-follow-up-code.md).
 */
import { hash, verify } from "@node-rs/argon2";
import { randomInt } from "node:crypto";

// Crockford's alphabet: no I, L, O or U, so nothing reads as another character.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const LENGTH = 12;
const GROUP = 4;
export const FOLLOW_UP_CODE_BITS = LENGTH * Math.log2(ALPHABET.length);

const HASH_OPTIONS = { memoryCost: 8192, timeCost: 1, parallelism: 1 } as const;

/** A fresh code, grouped for reading and copying. */
export function newFollowUpCode(): string {
  const chars = Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]);
  const groups: string[] = [];
  for (let i = 0; i < LENGTH; i += GROUP) groups.push(chars.slice(i, i + GROUP).join(""));
  return groups.join("-");
}

/**
 * The code as typed, in its canonical form (12 characters, no separators), or null when it cannot be a code.
 * Spaces, dashes and case do not matter, and the look-alikes Crockford allows are read as he says: I and L as 1,
 * O as 0.
 */
export function normalizeFollowUpCode(input: string): string | null {
  const folded = input
    .normalize("NFKC")
    .toUpperCase()
    .replace(/[\s\-‐-―_.]/g, "")
    .replace(/[IL]/g, "1")
    .replace(/O/g, "0");
  if (folded.length !== LENGTH) return null;
  for (const c of folded) if (!ALPHABET.includes(c)) return null;
  return folded;
}

export async function hashFollowUpCode(code: string): Promise<string> {
  const canonical = normalizeFollowUpCode(code);
  if (!canonical) throw new RangeError("not a follow-up code");
  return hash(canonical, HASH_OPTIONS);
}

// Verified against when the reference is unknown, has no code or the typed code is malformed, so every attempt
// costs the same argon2 work and the answer's timing tells nothing.
let dummyHash: Promise<string> | undefined;
function dummy(): Promise<string> {
  return (dummyHash ??= hash(newFollowUpCode().replace(/-/g, ""), HASH_OPTIONS));
}

/** Whether `typed` is the code behind `storedHash`. Always does one argon2 verification, whatever the inputs. */
export async function checkFollowUpCode(storedHash: string | null | undefined, typed: string): Promise<boolean> {
  const canonical = normalizeFollowUpCode(typed);
  const target = storedHash && canonical ? storedHash : await dummy();
  try {
    const ok = await verify(target, canonical ?? "000000000000");
    return ok && !!storedHash && !!canonical;
  } catch {
    return false;
  }
}
