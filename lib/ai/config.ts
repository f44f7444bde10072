import { z } from "zod";

export const PROVIDERS = ["offline", "together", "openai-compatible", "openai"] as const;
export type ProviderName = (typeof PROVIDERS)[number];

export const DEFAULT_MODELS: Record<Exclude<ProviderName, "offline">, string> = {
  together: "meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo",
  "openai-compatible": "llama-3.1-8b-instruct",
  openai: "gpt-4o-mini",
};

const ms = (fallback: number) => z.coerce.number().int().min(0).max(120_000).default(fallback);

// Read here rather than in lib/env so the fallback timings can be changed per test run without a rebuild.
const aiEnvSchema = z.object({
  LLM_PROVIDER: z.enum(PROVIDERS).default("offline"),
  LLM_MODEL: z.string().min(1).optional(),
  LLM_BASE_URL: z.url().optional(),
  LLM_API_KEY: z.string().min(1).optional(),
  TOGETHER_API_KEY: z.string().min(1).optional(),
  /** The name @ai-sdk/togetherai reads by default; accepted too. */
  TOGETHER_AI_API_KEY: z.string().min(1).optional(),
  OPENAI_API_KEY: z.string().min(1).optional(),
  /** No first token from the provider within this time: the offline composer writes the message. */
  LLM_FIRST_TOKEN_TIMEOUT_MS: ms(8000),
  /** The provider goes quiet mid-stream for this long: the offline composer completes the message. */
  LLM_IDLE_TIMEOUT_MS: ms(8000),
  LLM_MAX_OUTPUT_TOKENS: z.coerce.number().int().min(64).max(2048).default(400),
  /** Pause between the offline composer's chunks, so the message is seen being written (0 in tests and benches). */
  LLM_OFFLINE_CHUNK_DELAY_MS: ms(12),
});

export type AiConfig = z.infer<typeof aiEnvSchema> & { model: string | undefined; apiKey: string | undefined };

export function readAiConfig(env: Record<string, string | undefined> = process.env): AiConfig {
  // Empty strings come from `.env` templates; treat them as unset.
  const clean = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = aiEnvSchema.parse(clean);
  const provider = parsed.LLM_PROVIDER;
  const apiKey =
    parsed.LLM_API_KEY ?? (provider === "together" ? (parsed.TOGETHER_API_KEY ?? parsed.TOGETHER_AI_API_KEY) : provider === "openai" ? parsed.OPENAI_API_KEY : undefined);
  const model = provider === "offline" ? undefined : (parsed.LLM_MODEL ?? DEFAULT_MODELS[provider]);
  if (provider === "openai-compatible" && !parsed.LLM_BASE_URL) {
    throw new Error("LLM_PROVIDER=openai-compatible needs LLM_BASE_URL (for example http://127.0.0.1:8000/v1)");
  }
  return { ...parsed, model, apiKey };
}
