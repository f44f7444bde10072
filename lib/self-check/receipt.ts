import "server-only";
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { env } from "@/lib/env";
import { classificationSchema } from "@/lib/assessment/schema";
import type { NewCase } from "@/lib/db/cases";

/**
 * A save receipt. The page gets its answer (the result and any crisis help) without waiting on the database; the
 * anonymized case is saved by a second call, which the page makes as soon as the answer shows. The receipt carries
 * what that call needs, except the words themselves, signed so that nobody can save a classification the model did
 * not make: the submission key, a hash of the exact text read, the classification, the resources shown, the country
 * and when it was issued. Only the person's browser holds it; nothing about it is stored or logged.
 */
const VERSION = 1;
const TTL_MS = 30 * 60_000;

const payloadSchema = z.object({
  v: z.literal(VERSION),
  submissionKey: z.uuid(),
  textSha256: z.string().length(43),
  classification: classificationSchema,
  resourcesShown: z.array(z.string().max(200)).max(50),
  country: z.string().max(10),
  issuedAt: z.number().int(),
});

export type SaveRequest = Omit<NewCase, "generatedMessage">;
export type ReceiptProblem = "invalid" | "expired" | "text_mismatch";

function signingKey(): Buffer {
  // Derived from AUTH_SECRET (required in production), so receipts survive a restart and work across instances.
  // Without it (development, tests) a per-process key: receipts then end with the process.
  if (env.AUTH_SECRET)
    return createHash("sha256").update(`lantern save receipt v${VERSION}\0${env.AUTH_SECRET}`).digest();
  const g = globalThis as { __lanternReceiptKey?: Buffer };
  return (g.__lanternReceiptKey ??= randomBytes(32));
}

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("base64url");
const sign = (payload: string) => createHmac("sha256", signingKey()).update(payload).digest("base64url");

export function issueReceipt(request: SaveRequest, now = Date.now()): string {
  const { submissionKey, text, classification, resourcesShown, country } = request;
  const body = {
    v: VERSION,
    submissionKey,
    textSha256: sha256(text),
    classification,
    resourcesShown,
    country,
    issuedAt: now,
  };
  const payload = Buffer.from(JSON.stringify(body), "utf8").toString("base64url");
  return `${payload}.${sign(payload)}`;
}

/** The case a receipt allows saving, if the receipt is ours, unexpired, and was issued for exactly this text. */
export function redeemReceipt(
  receipt: string,
  text: string,
  now = Date.now(),
): { ok: true; request: SaveRequest } | { ok: false; problem: ReceiptProblem } {
  const [payload, mac, ...rest] = receipt.split(".");
  if (!payload || !mac || rest.length > 0) return { ok: false, problem: "invalid" };
  const expected = Buffer.from(sign(payload));
  const given = Buffer.from(mac);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, problem: "invalid" };
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return { ok: false, problem: "invalid" };
  }
  const parsed = payloadSchema.safeParse(body);
  if (!parsed.success) return { ok: false, problem: "invalid" };
  const r = parsed.data;
  if (now - r.issuedAt > TTL_MS || r.issuedAt - now > 60_000) return { ok: false, problem: "expired" };
  if (sha256(text) !== r.textSha256) return { ok: false, problem: "text_mismatch" };
  return {
    ok: true,
    request: {
      submissionKey: r.submissionKey,
      text,
      classification: r.classification,
      resourcesShown: r.resourcesShown,
      country: r.country,
    },
  };
}
