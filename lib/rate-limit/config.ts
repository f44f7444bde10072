import { z } from "zod";
import { rateLimitShape, readEnv } from "@/lib/env";

/** The limits, with their meaning, are declared in lib/env.ts (rateLimitShape). */

export const rateLimitEnvSchema = z.object(rateLimitShape);

export type RateLimitConfig = z.infer<typeof rateLimitEnvSchema>;

export function readRateLimitConfig(env: Record<string, string | undefined> = readEnv()): RateLimitConfig {
  return rateLimitEnvSchema.parse(env);
}
