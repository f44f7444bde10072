import "server-only";
import { streamText } from "ai";
import type { LanguageModelV4 } from "@ai-sdk/provider";
import { logger, type Logger } from "@/lib/log";
import type { AiConfig } from "./config";
import type { ResourceCase } from "./context";
import { withOfflineFallback } from "./fallback";
import { StreamGuard } from "./guard/stream-guard";
import { OfflineComposerModel } from "./offline/model";
import { composeContinuation } from "./offline/compose";
import { buildPrompt } from "./prompt";
import { createRemoteModel } from "./providers";
import { allowedResourceIds } from "./allowed-ids";

const moduleLog = logger.child({ module: "resources" });

export interface ResourceStreamOptions {
  config: AiConfig;
  /** Aborts the provider request too (the person pressed stop or left). */
  signal?: AbortSignal;
  /** Tests and benches inject a model; otherwise it comes from the config. */
  remote?: LanguageModelV4 | null;
  /** Where counts and failures go (never text); the module logger unless a test listens. */
  log?: Pick<Logger, "warn" | "error">;
}

/**
 * The resources message for one case as a stream of plain text, guarded: every chunk has passed the guard,
 * and the message is complete even if the provider fails (the offline composer finishes it). Only counts are
 * logged, never text.
 */
export function streamResourceMessage(ctx: ResourceCase, options: ResourceStreamOptions): ReadableStream<string> {
  const { config, signal } = options;
  const log = options.log ?? moduleLog;
  const remote = options.remote !== undefined ? options.remote : createRemoteModel(config);
  const model = remote
    ? withOfflineFallback(remote, ctx, {
        firstTokenTimeoutMs: config.LLM_FIRST_TOKEN_TIMEOUT_MS,
        idleTimeoutMs: config.LLM_IDLE_TIMEOUT_MS,
        chunkDelayMs: config.LLM_OFFLINE_CHUNK_DELAY_MS,
        onFallback: (reason, detail) => log.warn({ event: "resources.fallback", provider: remote.provider, reason, ...detail }, "offline composer took over"),
      })
    : new OfflineComposerModel(ctx, { chunkDelayMs: config.LLM_OFFLINE_CHUNK_DELAY_MS });

  const { system, prompt } = buildPrompt(ctx);
  const result = streamText({
    model,
    instructions: system,
    prompt,
    // The fallback wrapper is the retry: a second attempt at a failing provider would only delay the message.
    maxRetries: 0,
    abortSignal: signal,
    maxOutputTokens: config.LLM_MAX_OUTPUT_TOKENS,
    temperature: 0.3,
    onError: ({ error }) => log.warn({ event: "resources.stream_error", provider: model.provider, err: error }, "stream error"),
  });

  const guard = new StreamGuard(allowedResourceIds(ctx), { contacts: "case" });
  const iterator = result.textStream[Symbol.asyncIterator]();
  let raw = "";
  const finish = (controller: ReadableStreamDefaultController<string>) => {
    const tail = guard.end();
    if (tail) controller.enqueue(tail);
    if (guard.removedTotal > 0) log.warn({ event: "resources.guard", provider: model.provider, removed: guard.removed }, "removed unsafe content from a generated message");
    controller.close();
  };

  return new ReadableStream<string>({
    async pull(controller) {
      try {
        // Keep reading until the guard releases something: a pull that enqueues nothing is not called again.
        for (;;) {
          const next = await iterator.next();
          if (next.done) return finish(controller);
          raw += next.value;
          const out = guard.push(next.value);
          if (out) return controller.enqueue(out);
        }
      } catch (err) {
        if (signal?.aborted) return controller.close();
        // Last line of defence (the wrappers should have caught it): finish with the offline composer.
        log.error({ event: "resources.pipeline_error", err }, "resources stream failed; offline composer finishes");
        const out = guard.push(composeContinuation(ctx, raw));
        if (out) controller.enqueue(out);
        finish(controller);
      }
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
