import { z } from "zod";
import { aiShape, LLM_PROVIDERS, readEnv } from "@/lib/env";

export const PROVIDERS = LLM_PROVIDERS;
export type ProviderName = (typeof PROVIDERS)[number];

export const DEFAULT_MODELS: Record<Exclude<ProviderName, "offline">, string> = {
  together: "meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo",
  "openai-compatible": "llama-3.1-8b-instruct",
  openai: "gpt-4o-mini",
};

const aiEnvSchema = z.object(aiShape);

export type AiConfig = z.infer<typeof aiEnvSchema> & { model: string | undefined; apiKey: string | undefined };

/** Read per request, so the fallback timings can be changed per test run without a rebuild. */
export function readAiConfig(env: Record<string, string | undefined> = readEnv()): AiConfig {
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
