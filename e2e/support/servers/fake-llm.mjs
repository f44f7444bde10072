// The e2e app talks to a loopback OpenAI-compatible fake (test/fakes/fake-llm-server.mjs) through the real
// openai-compatible provider, so every browser test exercises streaming without a key or the network.
import { startFakeLlm } from "../../../test/fakes/fake-llm-server.mjs";

export const FAKE_LLM_PORT = Number(process.env.FAKE_LLM_PORT ?? 3191);

export async function start() {
  const fake = await startFakeLlm({ port: FAKE_LLM_PORT, chunkDelayMs: 15, slowFirstTokenMs: 10_000, longChunkDelayMs: 80 });
  return {
    LLM_PROVIDER: "openai-compatible",
    LLM_BASE_URL: fake.baseURL,
    LLM_MODEL: "fake-model",
    LLM_API_KEY: "e2e-only-key",
    // Shorter than production's 8 s so the fallback test does not wait long; the behaviour is the same.
    LLM_FIRST_TOKEN_TIMEOUT_MS: process.env.LLM_FIRST_TOKEN_TIMEOUT_MS ?? "3000",
    LLM_IDLE_TIMEOUT_MS: process.env.LLM_IDLE_TIMEOUT_MS ?? "3000",
    // Every browser test streams resources from one address; the default (10 per 10 min) would trip mid-suite.
    RATE_LIMIT_GENERATION_MAX: process.env.RATE_LIMIT_GENERATION_MAX ?? "1000",
  };
}
