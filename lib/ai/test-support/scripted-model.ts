import type { LanguageModelV4, LanguageModelV4StreamPart } from "@ai-sdk/provider";
import { MockLanguageModelV4 } from "ai/test";

/** A model that streams the given chunks as one text block and finishes normally (unit tests of the pipeline). */
export function scriptedModel(chunks: readonly string[]): LanguageModelV4 {
  return new MockLanguageModelV4({
    provider: "scripted",
    doStream: async () => ({
      stream: new ReadableStream<LanguageModelV4StreamPart>({
        start(c) {
          c.enqueue({ type: "stream-start", warnings: [] });
          c.enqueue({ type: "text-start", id: "t" });
          for (const delta of chunks) c.enqueue({ type: "text-delta", id: "t", delta });
          c.enqueue({ type: "text-end", id: "t" });
          c.enqueue({
            type: "finish",
            finishReason: { unified: "stop", raw: "stop" },
            usage: { inputTokens: { total: 1, noCache: 1, cacheRead: 0, cacheWrite: 0 }, outputTokens: { total: 1, text: 1, reasoning: 0 } },
          });
          c.close();
        },
      }),
    }),
  });
}
