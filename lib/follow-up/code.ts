/**
 * The one-time follow-up code: 12 Crockford base32 characters (60 random bits) in three groups of four, e.g.
 * "7K3Q-9MZD-X2PA". It is shown once, when the case is saved, and only a salted SHA-256 of it is kept.
 *
 * A fast hash is enough because the code is not chosen by a person: 60 bits from the CSPRNG leave ~2^59 guesses on
 * average against one stolen row (years of a GPU per row), and the per-row salt stops one pass over every row. A
 * password is guessable, so its hash must make each guess slow (lib/auth/password.ts); this one need not, and every
 * consented save pays for it. What stops online guessing is the lockout (limits.ts). Rows saved before this change
 * hold an argon2id hash and are still checked with argon2 (docs/decisions/011-follow-up-code-digest.md).
 */
import { verify as verifyArgon2 } from "@node-rs/argon2";
import { createHash, randomBytes, randomInt, timingSafeEqual } from "node:crypto";

// Crockford's alphabet: no I, L, O or U, so nothing reads as another character.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const LENGTH = 12;
const GROUP = 4;
export const FOLLOW_UP_CODE_BITS = LENGTH * Math.log2(ALPHABET.length);

const DIGEST_PREFIX = "$sha256$";
const LEGACY_PREFIX = "$argon2id$";
const SALT_BYTES = 16;
/** What a stored hash looks like: a salted SHA-256 digest, or an argon2id hash written before the digest. */
export const FOLLOW_UP_HASH_PATTERN = /^\$(sha256\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}|argon2id\$.+)$/;

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
  const salt = randomBytes(SALT_BYTES);
  return `${DIGEST_PREFIX}${salt.toString("base64url")}$${digest(salt, canonical).toString("base64url")}`;
}

function digest(salt: Buffer, canonical: string): Buffer {
  return createHash("sha256").update(salt).update(canonical).digest();
}

// Checked against when the reference is unknown, has no code or the typed code is malformed, so those attempts do
// the same work as a wrong code against a digest and the answer's timing tells nothing.
const DUMMY = { salt: randomBytes(SALT_BYTES), expected: randomBytes(32) };

/** Whether `typed` is the code behind `storedHash`. A digest check does the same work whatever the inputs. */
export async function checkFollowUpCode(storedHash: string | null | undefined, typed: string): Promise<boolean> {
  const canonical = normalizeFollowUpCode(typed);
  if (storedHash?.startsWith(LEGACY_PREFIX) && canonical) return verifyArgon2(storedHash, canonical).catch(() => false);
  const parts =
    storedHash?.startsWith(DIGEST_PREFIX) && canonical ? storedHash.slice(DIGEST_PREFIX.length).split("$") : null;
  const salt = parts?.length === 2 ? Buffer.from(parts[0]!, "base64url") : null;
  const expected = parts?.length === 2 ? Buffer.from(parts[1]!, "base64url") : null;
  const real = salt?.length === SALT_BYTES && expected?.length === 32;
  const actual = digest(real ? salt : DUMMY.salt, canonical ?? "000000000000");
  return timingSafeEqual(actual, real ? expected : DUMMY.expected) && real;
}
