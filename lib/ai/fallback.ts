import type { LanguageModelV4, LanguageModelV4CallOptions, LanguageModelV4StreamPart } from "@ai-sdk/provider";
import type { ResourceCase } from "./context";
import { chunkMessage, composeContinuation } from "./offline/compose";

export type FallbackReason = "error" | "first_token_timeout" | "idle_timeout" | "cut" | "incomplete" | "empty";

export interface FallbackOptions {
  firstTokenTimeoutMs: number;
  idleTimeoutMs: number;
  chunkDelayMs: number;
  /** Told why the offline composer took over (for logs; never given the text). */
  onFallback?: (reason: FallbackReason, detail: { charsFromProvider: number }) => void;
}

class Timeout extends Error {
  constructor(readonly reason: FallbackReason) {
    super(reason);
  }
}

function withTimeout<T>(promise: PromiseLike<T>, ms: number, reason: FallbackReason): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    Promise.resolve(promise).finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Timeout(reason)), ms);
    }),
  ]);
}

const sleep = (ms: number) => new Promise((r) => (ms > 0 ? setTimeout(r, ms) : setImmediate(r)));

/**
 * Wraps a remote model so the person always gets a complete message: if the provider errors, sends no first
 * token in time, goes quiet, or ends before finishing, the offline composer writes the rest (or all of it).
 * The result is itself a LanguageModelV4, so streamText and the guard see one seamless text block.
 */
export function withOfflineFallback(primary: LanguageModelV4, ctx: ResourceCase, options: FallbackOptions): LanguageModelV4 {
  return {
    specificationVersion: "v4",
    provider: primary.provider,
    modelId: primary.modelId,
    supportedUrls: {},
    doGenerate: (callOptions) => primary.doGenerate(callOptions),
    async doStream(callOptions: LanguageModelV4CallOptions) {
      const upstream = new AbortController();
      const userSignal = callOptions.abortSignal;
      const onUserAbort = () => upstream.abort(userSignal?.reason);
      userSignal?.addEventListener("abort", onUserAbort, { once: true });
      const id = "text-0";
      let reader: ReadableStreamDefaultReader<LanguageModelV4StreamPart> | undefined;

      const stream = new ReadableStream<LanguageModelV4StreamPart>({
        async start(out) {
          out.enqueue({ type: "stream-start", warnings: [] });
          out.enqueue({ type: "text-start", id });
          let written = "";
          let reason: FallbackReason | null = null;
          const started = Date.now();
          try {
            const result = await withTimeout(
              primary.doStream({ ...callOptions, abortSignal: upstream.signal }),
              options.firstTokenTimeoutMs,
              "first_token_timeout",
            );
            reader = result.stream.getReader();
            let finished = false;
            while (!finished) {
              const budget = written === "" ? options.firstTokenTimeoutMs - (Date.now() - started) : options.idleTimeoutMs;
              const next = await withTimeout(reader.read(), Math.max(0, budget), written === "" ? "first_token_timeout" : "idle_timeout");
              if (next.done) {
                reason = "cut";
                break;
              }
              const part = next.value;
              if (part.type === "text-delta") {
                if (part.delta) {
                  written += part.delta;
                  out.enqueue({ type: "text-delta", id, delta: part.delta });
                }
              } else if (part.type === "error") {
                reason = "error";
                finished = true;
              } else if (part.type === "finish") {
                finished = true;
                if (part.finishReason.unified !== "stop") reason = "incomplete";
                else if (written.trim() === "") reason = "empty";
              }
            }
          } catch (err) {
            reason = err instanceof Timeout ? err.reason : "error";
          }
          userSignal?.removeEventListener("abort", onUserAbort);
          if (userSignal?.aborted) {
            upstream.abort();
            out.close();
            return;
          }
          if (reason !== null) {
            upstream.abort();
            void reader?.cancel().catch(() => {});
            options.onFallback?.(reason, { charsFromProvider: written.length });
            for (const [i, chunk] of chunkMessage(composeContinuation(ctx, written)).entries()) {
              if (userSignal?.aborted) break;
              if (i > 0) await sleep(options.chunkDelayMs);
              out.enqueue({ type: "text-delta", id, delta: chunk });
            }
          }
          out.enqueue({ type: "text-end", id });
          out.enqueue({
            type: "finish",
            finishReason: { unified: "stop", raw: reason ?? "stop" },
            usage: { inputTokens: { total: undefined, noCache: undefined, cacheRead: undefined, cacheWrite: undefined }, outputTokens: { total: undefined, text: undefined, reasoning: undefined } },
          });
          out.close();
        },
        cancel() {
          upstream.abort();
          void reader?.cancel().catch(() => {});
        },
      });
      return { stream };
    },
  };
}
