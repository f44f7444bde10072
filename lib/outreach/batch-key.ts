import "server-only";
import { randomBytes } from "node:crypto";
import { env } from "@/lib/env";
import { batchSealKey } from "./batch-seal";

/**
 * The key sealing large batches' posts (lib/outreach/batch-seal.ts): from AUTH_SECRET, which every instance shares
 * (required in production), so any instance can resume a batch. Without it (development, tests) a per-process key:
 * a batch then cannot outlive the process, as a save receipt cannot.
 */
export function outreachSealKey(): Buffer {
  if (env.AUTH_SECRET) return batchSealKey(env.AUTH_SECRET);
  const g = globalThis as { __lanternBatchKey?: Buffer };
  return (g.__lanternBatchKey ??= randomBytes(32));
}
