/**
 * Posts of a large outreach batch at rest: AES-256-GCM, under a key derived from AUTH_SECRET with HKDF-SHA256 and
 * this feature's own label (the save receipt derives its key from the same secret under another label, so neither
 * key says anything about the other). Each part is bound to its batch and part number as associated data, so a
 * sealed part cannot be moved to another batch or position. AUTH_SECRET is shared by every instance, so any instance
 * can resume a batch another one started.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { z } from "zod";

const LABEL = "lantern outreach batch posts v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

export function batchSealKey(secret: string): Buffer {
  if (secret.length < 32) throw new RangeError("the secret must be at least 32 characters");
  return Buffer.from(hkdfSync("sha256", secret, "", LABEL, 32));
}

const aad = (batchId: string, part: number) => Buffer.from(`${batchId}:${part}`, "utf8");

/** A post as a batch stores it: its words and the country whose services it gets ("" for international ones). */
export interface SealedPost {
  text: string;
  country: string;
}

export function sealPosts(posts: readonly SealedPost[], key: Buffer, batchId: string, part: number): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(aad(batchId, part));
  const body = Buffer.concat([cipher.update(JSON.stringify(posts), "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

const postsSchema = z.array(z.object({ text: z.string(), country: z.string() }));

/** Throws when the part was not sealed with this key for this batch and part (tampered, moved, or another secret). */
export function openPosts(sealed: Uint8Array, key: Buffer, batchId: string, part: number): SealedPost[] {
  const buf = Buffer.from(sealed);
  if (buf.length < IV_BYTES + TAG_BYTES) throw new Error("sealed part too short");
  const decipher = createDecipheriv("aes-256-gcm", key, buf.subarray(0, IV_BYTES));
  decipher.setAAD(aad(batchId, part));
  decipher.setAuthTag(buf.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  const text = Buffer.concat([decipher.update(buf.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString("utf8");
  return postsSchema.parse(JSON.parse(text));
}
