// The e2e app talks to a loopback OpenAI-compatible fake (test/support/fakes/fake-llm-server.mjs) through the real
// openai-compatible provider, so every browser test exercises streaming without a key or the network.
// Port 0 (any free port) unless FAKE_LLM_PORT is set, so parallel e2e runs in other checkouts don't collide;
// the specs find it in test-results/fake-llm.json.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startFakeLlm } from "../../../test/support/fakes/fake-llm-server.mjs";

const root = path.resolve(import.meta.dirname, "../../..");

export async function start() {
  const fake = await startFakeLlm({ port: Number(process.env.FAKE_LLM_PORT ?? 0), chunkDelayMs: 15, slowFirstTokenMs: 10_000, longChunkDelayMs: 80 });
  mkdirSync(path.join(root, "test-results"), { recursive: true });
  writeFileSync(path.join(root, "test-results", "fake-llm.json"), JSON.stringify({ url: fake.url }));
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
