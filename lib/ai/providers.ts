import type { LanguageModelV4 } from "@ai-sdk/provider";
import { createOpenAI } from "@ai-sdk/openai";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { createTogetherAI } from "@ai-sdk/togetherai";
import type { AiConfig } from "./config";

/**
 * The remote model for the configured provider, or null for the offline composer. Keys and base URLs come
 * only from the environment. The OpenAI provider uses Chat Completions (not Responses) so the same fake and
 * the same OpenAI-style servers work for all three. Structured outputs are requested as a JSON schema
 * (`response_format: json_schema`), which vLLM, llama.cpp and Together enforce while decoding: the pick ids are
 * an enum there, so such a server cannot even write another id. The message filter does not rely on it.
 */
export function createRemoteModel(config: AiConfig): LanguageModelV4 | null {
  const model = config.model;
  if (config.LLM_PROVIDER === "offline" || !model) return null;
  const baseURL = config.LLM_BASE_URL;
  // Without a key of ours, each SDK falls back to its own variable (TOGETHER_AI_API_KEY, OPENAI_API_KEY).
  const key = config.apiKey ? { apiKey: config.apiKey } : {};
  switch (config.LLM_PROVIDER) {
    case "together":
      return createTogetherAI({ ...key, ...(baseURL ? { baseURL } : {}) })(model);
    case "openai":
      return createOpenAI({ ...key, ...(baseURL ? { baseURL } : {}) }).chat(model);
    case "openai-compatible":
      return createOpenAICompatible({ name: "openai-compatible", baseURL: baseURL!, ...key, includeUsage: true, supportsStructuredOutputs: true })(model);
  }
}
