import type { LanguageModelV4, LanguageModelV4CallOptions, LanguageModelV4StreamPart, LanguageModelV4Usage } from "@ai-sdk/provider";
import type { ResourceCase } from "../context";
import { chunkText, composeSupport } from "./compose";

export const OFFLINE_PROVIDER = "lantern.offline";
export const OFFLINE_MODEL_ID = "grounded-composer-v1";

const usage = (outputChars: number): LanguageModelV4Usage => ({
  inputTokens: { total: 0, noCache: 0, cacheRead: 0, cacheWrite: 0 },
  // No tokenizer here; a rough 4 characters a token keeps the usage numbers meaningful.
  outputTokens: { total: Math.ceil(outputChars / 4), text: Math.ceil(outputChars / 4), reasoning: 0 },
});

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  // Unpaced, still yield to the event loop between chunks so readers get each one as it is made.
  if (ms <= 0) return new Promise((resolve) => setImmediate(resolve));
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => (clearTimeout(timer), resolve()), { once: true });
  });
}

/** Streams prepared text as a model would: stream-start, one text block in small deltas, finish. */
export function streamChunks(chunks: string[], options: { chunkDelayMs: number; abortSignal?: AbortSignal; id?: string }): ReadableStream<LanguageModelV4StreamPart> {
  const id = options.id ?? "offline-0";
  let i = 0;
  let chars = 0;
  return new ReadableStream<LanguageModelV4StreamPart>({
    start(controller) {
      controller.enqueue({ type: "stream-start", warnings: [] });
      controller.enqueue({ type: "response-metadata", modelId: OFFLINE_MODEL_ID });
      controller.enqueue({ type: "text-start", id });
    },
    async pull(controller) {
      if (options.abortSignal?.aborted) {
        controller.close();
        return;
      }
      const chunk = chunks[i];
      if (chunk === undefined) {
        controller.enqueue({ type: "text-end", id });
        controller.enqueue({ type: "finish", finishReason: { unified: "stop", raw: "stop" }, usage: usage(chars) });
        controller.close();
        return;
      }
      // The first chunk goes out at once (time to first token is the composer's promise); later ones are paced.
      if (i > 0) await sleep(options.chunkDelayMs, options.abortSignal);
      i += 1;
      chars += chunk.length;
      controller.enqueue({ type: "text-delta", id, delta: chunk });
    },
  });
}

/**
 * The offline provider: a LanguageModelV4 that writes the grounded message for one case as the JSON a remote
 * model would, so the default path is the same structured-output path as a remote one. It ignores the prompt
 * on purpose: its facts come from the structured case, so nothing in a post can steer it.
 */
export class OfflineComposerModel implements LanguageModelV4 {
  readonly specificationVersion = "v4" as const;
  readonly provider = OFFLINE_PROVIDER;
  readonly modelId = OFFLINE_MODEL_ID;
  readonly supportedUrls = {};

  constructor(
    private readonly ctx: ResourceCase,
    private readonly options: { chunkDelayMs: number } = { chunkDelayMs: 0 },
  ) {}

  async doGenerate(_options: LanguageModelV4CallOptions) {
    const text = JSON.stringify(composeSupport(this.ctx));
    return {
      content: [{ type: "text" as const, text }],
      finishReason: { unified: "stop" as const, raw: "stop" },
      usage: usage(text.length),
      warnings: [],
    };
  }

  async doStream(options: LanguageModelV4CallOptions) {
    const chunks = chunkText(JSON.stringify(composeSupport(this.ctx)));
    return { stream: streamChunks(chunks, { chunkDelayMs: this.options.chunkDelayMs, abortSignal: options.abortSignal }) };
  }
}
