import { describe, expect, it } from "vitest";
import { simulateReadableStream, streamText } from "ai";
import { MockLanguageModelV4 } from "ai/test";
import type { LanguageModelV4StreamPart } from "@ai-sdk/provider";
import { withOfflineFallback, type FallbackReason } from "./fallback";
import { composeMessage } from "./offline/compose";
import { readAiConfig } from "./config";
import { streamResourceMessage } from "./pipeline";
import { sampleCase } from "./test-support/cases";

const ctx = sampleCase("crisisUS");
const usage = { inputTokens: { total: 1, noCache: 1, cacheRead: 0, cacheWrite: 0 }, outputTokens: { total: 1, text: 1, reasoning: 0 } };
const deltas = (texts: string[]): LanguageModelV4StreamPart[] => [
  { type: "stream-start", warnings: [] },
  { type: "text-start", id: "t" },
  ...texts.map((delta) => ({ type: "text-delta" as const, id: "t", delta })),
];
const finish = (unified: "stop" | "length" | "error"): LanguageModelV4StreamPart => ({ type: "finish", finishReason: { unified, raw: unified }, usage });

function mock(chunks: LanguageModelV4StreamPart[], delays: { initialDelayInMs?: number; chunkDelayInMs?: number } = {}) {
  return new MockLanguageModelV4({
    doStream: async () => ({ stream: simulateReadableStream({ chunks, initialDelayInMs: delays.initialDelayInMs ?? null, chunkDelayInMs: delays.chunkDelayInMs ?? null }) }),
  });
}

async function run(primary: MockLanguageModelV4, timeouts = { first: 300, idle: 300 }) {
  const reasons: FallbackReason[] = [];
  const model = withOfflineFallback(primary, ctx, {
    firstTokenTimeoutMs: timeouts.first,
    idleTimeoutMs: timeouts.idle,
    chunkDelayMs: 0,
    onFallback: (r) => reasons.push(r),
  });
  const result = streamText({ model, prompt: "case", maxRetries: 0 });
  let text = "";
  for await (const t of result.textStream) text += t;
  return { text, reasons, finishReason: await result.finishReason };
}

describe("withOfflineFallback (MockLanguageModelV4)", () => {
  it("passes a complete answer through untouched", async () => {
    const { text, reasons, finishReason } = await run(mock([...deltas(["Hello ", "there."]), finish("stop")]));
    expect(text).toBe("Hello there.");
    expect(reasons).toEqual([]);
    expect(finishReason).toBe("stop");
  });

  it("writes the whole message offline when the provider throws before streaming", async () => {
    const primary = new MockLanguageModelV4({ doStream: async () => Promise.reject(new Error("ECONNREFUSED")) });
    const { text, reasons } = await run(primary);
    expect(text).toBe(composeMessage(ctx));
    expect(reasons).toEqual(["error"]);
  });

  it("completes an answer cut short by the token limit, or by an error part", async () => {
    const long = await run(mock([...deltas(["I hear you, ", "and "]), finish("length")]));
    expect(long.text.startsWith("I hear you, and \n\n")).toBe(true);
    expect(long.text.trimEnd().endsWith("You reached out, and that matters.")).toBe(true);
    expect(long.reasons).toEqual(["incomplete"]);

    const errored = await run(mock([...deltas(["I hear "]), { type: "error", error: new Error("upstream reset") }]));
    expect(errored.text.startsWith("I hear \n\n")).toBe(true);
    expect(errored.reasons).toEqual(["error"]);
  });

  it("treats an empty 'stop' as no answer", async () => {
    const { text, reasons } = await run(mock([...deltas([]), finish("stop")]));
    expect(text).toBe(composeMessage(ctx));
    expect(reasons).toEqual(["empty"]);
  });

  it("takes over after the first-token timeout, and after silence mid-stream", async () => {
    const slow = await run(mock([...deltas(["late"]), finish("stop")], { initialDelayInMs: 2_000 }), { first: 150, idle: 150 });
    expect(slow.text).toBe(composeMessage(ctx));
    expect(slow.reasons).toEqual(["first_token_timeout"]);

    const quiet = await run(mock([...deltas(["one ", "two ", "three"]), finish("stop")], { chunkDelayInMs: 400 }), { first: 1_000, idle: 150 });
    expect(quiet.reasons).toEqual(["idle_timeout"]);
    expect(quiet.text.trimEnd().endsWith("You reached out, and that matters.")).toBe(true);
  });

  it("mentions only the candidates the model had not yet referred to", async () => {
    const first = ctx.candidates[0]!.resource.id;
    const { text } = await run(mock([...deltas([`Please reach out to [[res:${first}]] `, "and "]), finish("length")]));
    expect(text.split(`[[res:${first}]]`)).toHaveLength(2);
    for (const c of ctx.candidates.slice(1)) expect(text).toContain(`[[res:${c.resource.id}]]`);
  });
});

describe("streamResourceMessage with a mock remote model", () => {
  it("guards the model's output before anyone reads it", async () => {
    const remote = mock([...deltas(["Call ", "1-555-", "010-9999 ", "or <b>", "[[res:fake-id]]", "</b> [[res:us-988-call-text]]. "]), finish("stop")]);
    const config = readAiConfig({ LLM_PROVIDER: "openai-compatible", LLM_BASE_URL: "http://127.0.0.1:9/v1", LLM_OFFLINE_CHUNK_DELAY_MS: "0" });
    let text = "";
    for await (const chunk of streamResourceMessage(ctx, { config, remote })) text += chunk;
    expect(text).toBe("Call (removed: not in our verified list) or  [[res:us-988-call-text]]. ");
    expect(remote.doStreamCalls[0]!.prompt.some((m) => m.role === "system")).toBe(true);
  });

  it("drops a marker the model left half-written when it was cut off", async () => {
    const remote = mock([...deltas(["Please reach out to ", "[[res:us-98"]), finish("length")]);
    const config = readAiConfig({ LLM_PROVIDER: "openai-compatible", LLM_BASE_URL: "http://127.0.0.1:9/v1", LLM_OFFLINE_CHUNK_DELAY_MS: "0" });
    let text = "";
    for await (const chunk of streamResourceMessage(ctx, { config, remote })) text += chunk;
    expect(text).not.toContain("[[res:us-98\n");
    expect(text.match(/\[\[/g)).toHaveLength(ctx.candidates.length);
    for (const c of ctx.candidates) expect(text).toContain(`[[res:${c.resource.id}]]`);
    expect(text.trimEnd().endsWith("You reached out, and that matters.")).toBe(true);
  });

  it("logs what the guard removed and why the fallback ran, as counts only", async () => {
    const remote = mock([...deltas(["Call ", "1-555-010-7777 ", "or see ", "evil.example.com ", "now "]), finish("length")]);
    const config = readAiConfig({ LLM_PROVIDER: "openai-compatible", LLM_BASE_URL: "http://127.0.0.1:9/v1", LLM_OFFLINE_CHUNK_DELAY_MS: "0" });
    const lines: unknown[][] = [];
    const log = { warn: (...args: unknown[]) => void lines.push(args), error: (...args: unknown[]) => void lines.push(args) };
    const withPost = { ...ctx, text: "my secret post mentioning Jonathan" };
    for await (const _ of streamResourceMessage(withPost, { config, remote, log: log as never })) void _;
    const guardLine = lines.find((l) => (l[0] as { event?: string }).event === "resources.guard")![0] as { removed: Record<string, number> };
    expect(guardLine.removed).toEqual({ phone: 1, url: 1 });
    expect(lines.some((l) => (l[0] as { event?: string; reason?: string }).reason === "incomplete")).toBe(true);
    const logged = JSON.stringify(lines);
    for (const secret of ["secret post", "Jonathan", "555", "evil.example"]) expect(logged).not.toContain(secret);
  });
});
