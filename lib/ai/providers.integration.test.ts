import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFakeLlm, type FakeLlm } from "@/test/support/fakes/fake-llm-server.mjs";
import { readAiConfig, type ProviderName } from "./config";
import { buildResourceCase } from "./context";
import { composeSupport } from "./offline/compose";
import { streamSupportEvents } from "./pipeline";
import { SAMPLE_CASES } from "./test-support/cases";
import { readEvents } from "./test-support/read-events";

// Real HTTP on loopback: the providers' own fetch, SSE parsing and abort handling, against a fake server.
let fake: FakeLlm;
// Generous: the machine is shared with model training, and a cold first request loads the provider modules.
const TIMEOUT_MS = 2_000;

beforeAll(async () => {
  fake = await startFakeLlm({ chunkDelayMs: 3, slowFirstTokenMs: 6_000, longChunkDelayMs: 40 });
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.requests.length = 0;
});

function configFor(provider: ProviderName) {
  return readAiConfig({
    LLM_PROVIDER: provider,
    LLM_BASE_URL: fake.baseURL,
    LLM_API_KEY: "test-key",
    LLM_MODEL: "fake-model",
    LLM_FIRST_TOKEN_TIMEOUT_MS: String(TIMEOUT_MS),
    LLM_IDLE_TIMEOUT_MS: String(TIMEOUT_MS),
    LLM_OFFLINE_CHUNK_DELAY_MS: "0",
  });
}

const caseWith = (marker: string) => buildResourceCase({ ...SAMPLE_CASES.crisisUS!, text: `${SAMPLE_CASES.crisisUS!.text} ${marker}` });

async function waitFor(check: () => boolean, ms = 2_000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe.each(["openai-compatible", "together", "openai"] as const)("%s provider against the fake SSE server", (provider) => {
  it("streams the model's structured message as it is written, with the key, model, schema and fenced post in the request", async () => {
    const ctx = caseWith("fake-llm:normal");
    const { view, events, text } = await readEvents(streamSupportEvents(ctx, { config: configFor(provider) }));
    expect(view.opening.startsWith("I'm really glad you wrote this down.")).toBe(true);
    expect(view.picks.map((p) => p.id)).toEqual(ctx.candidates.slice(0, 2).map((c) => c.resource.id));
    expect(view.picks[0]!.why).toContain("moments like this");
    expect(text).not.toContain("You reached out, and that matters."); // no fallback needed
    expect(events.filter((e) => e.type !== "end").length).toBeGreaterThanOrEqual(6);

    const req = fake.requests.at(-1)!;
    expect(req.path).toBe("/v1/chat/completions");
    expect(req.model).toBe("fake-model");
    expect(req.authorization).toBe("Bearer test-key");
    const user = req.messages.find((m) => m.role === "user")!.content;
    expect(user).toContain("<post>\nI can't do this anymore.");
    expect(req.messages.find((m) => m.role === "system")!.content).toContain("Never write a phone number");
  });

  it("stops the provider request when the reader stops", async () => {
    const controller = new AbortController();
    const stream = streamSupportEvents(caseWith("fake-llm:long"), { config: configFor(provider), signal: controller.signal });
    const reader = stream.getReader();
    const first = await reader.read();
    expect(first.done).toBe(false);
    controller.abort();
    await reader.cancel();
    await waitFor(() => fake.requests.at(-1)?.clientClosed === true);
    expect(fake.requests.at(-1)!.finishedAt).toBeNull();
  });

  it("stops the provider request when the reader cancels, without any signal", async () => {
    const stream = streamSupportEvents(caseWith("fake-llm:long"), { config: configFor(provider) });
    const reader = stream.getReader();
    expect((await reader.read()).done).toBe(false);
    await reader.cancel();
    await waitFor(() => fake.requests.at(-1)?.clientClosed === true);
    expect(fake.requests.at(-1)!.finishedAt).toBeNull();
  });

  it("falls back to the offline composer when no first token arrives in time", async () => {
    const ctx = caseWith("fake-llm:slow");
    const { view, firstEventMs } = await readEvents(streamSupportEvents(ctx, { config: configFor(provider) }));
    expect({ opening: view.opening, picks: view.picks, closing: view.closing }).toEqual(composeSupport(ctx));
    // The first words arrive right after the timeout, well before the fake's own first token (6 s).
    expect(firstEventMs).toBeGreaterThanOrEqual(TIMEOUT_MS - 20);
    expect(firstEventMs).toBeLessThan(TIMEOUT_MS + 2_000);
    await waitFor(() => fake.requests.at(-1)?.clientClosed === true);
  });

  it("completes a message cut off mid-stream", async () => {
    const ctx = caseWith("fake-llm:cut");
    const { view } = await readEvents(streamSupportEvents(ctx, { config: configFor(provider) }));
    expect(view.opening).toBe("I'm really glad you wrote this down.");
    expect(view.picks.map((p) => p.id)).toEqual(ctx.candidates.map((c) => c.resource.id));
    expect(view.closing.endsWith("You reached out, and that matters.")).toBe(true);
  });

  it("completes a message when the provider goes quiet mid-stream", async () => {
    const ctx = caseWith("fake-llm:stall");
    const { view } = await readEvents(streamSupportEvents(ctx, { config: configFor(provider) }));
    expect(view.opening).toBe("I'm really glad you wrote this down.");
    expect(view.closing.endsWith("You reached out, and that matters.")).toBe(true);
  });

  it("writes the whole message offline when the provider answers with an error", async () => {
    const ctx = caseWith("fake-llm:error");
    const { view } = await readEvents(streamSupportEvents(ctx, { config: configFor(provider) }));
    expect({ opening: view.opening, picks: view.picks, closing: view.closing }).toEqual(composeSupport(ctx));
  });
});

describe("provider configuration", () => {
  it("defaults to offline and to the paper's model for together", () => {
    expect(readAiConfig({}).LLM_PROVIDER).toBe("offline");
    expect(readAiConfig({ LLM_PROVIDER: "together", TOGETHER_API_KEY: "k" }).model).toBe("meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo");
    expect(readAiConfig({ LLM_PROVIDER: "together", TOGETHER_API_KEY: "k" }).apiKey).toBe("k");
    expect(readAiConfig({ LLM_PROVIDER: "together", TOGETHER_AI_API_KEY: "k2" }).apiKey).toBe("k2");
    expect(() => readAiConfig({ LLM_PROVIDER: "openai-compatible" })).toThrow(/LLM_BASE_URL/);
    expect(() => readAiConfig({ LLM_PROVIDER: "claude" })).toThrow();
  });
});
