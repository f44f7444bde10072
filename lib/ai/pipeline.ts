import "server-only";
import { Output, streamText } from "ai";
import type { LanguageModelV4 } from "@ai-sdk/provider";
import { logger, type Logger } from "@/lib/log";
import { getResource } from "@/lib/resources/directory";
import type { AiConfig } from "./config";
import type { ResourceCase } from "./context";
import { allowedResourceIds } from "./allowed-ids";
import { MessageFilter } from "./filter/message-filter";
import { composeSupport } from "./offline/compose";
import { OfflineComposerModel } from "./offline/model";
import { buildPrompt } from "./prompt";
import { createRemoteModel } from "./providers";
import { supportMessageSchema, type SupportEvent } from "./support-message";
import { Timeout, withTimeout, type FallbackReason } from "./timeouts";

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

type Emit = (events: SupportEvent[]) => void;

/** The names the message may mention: those of the entries this page shows (candidates and crisis lines). */
function knownNames(ctx: ResourceCase): string[] {
  return allowedResourceIds(ctx).flatMap((id) => {
    const r = getResource(id);
    return r ? [r.name, r.organization] : [];
  });
}

/**
 * Runs one model with structured output and feeds its partial objects to the filter as they grow. Returns why
 * the offline composer must fill in, or null when the model finished normally.
 */
async function streamModel(model: LanguageModelV4, ctx: ResourceCase, filter: MessageFilter, emit: Emit, options: ResourceStreamOptions): Promise<FallbackReason | null> {
  const { config, signal } = options;
  const ids = ctx.candidates.map((c) => c.resource.id) as [string, ...string[]];
  const upstream = new AbortController();
  const { system, prompt } = buildPrompt(ctx);
  let failed = false;
  const result = streamText({
    model,
    instructions: system,
    prompt,
    output: Output.object({ schema: supportMessageSchema(ids), name: "support_message" }),
    // The offline composer is the retry: a second attempt at a failing provider would only delay the message.
    maxRetries: 0,
    abortSignal: signal ? AbortSignal.any([signal, upstream.signal]) : upstream.signal,
    maxOutputTokens: config.LLM_MAX_OUTPUT_TOKENS,
    temperature: 0.3,
    onError: ({ error }) => {
      failed = true;
      if (!upstream.signal.aborted && !signal?.aborted) (options.log ?? moduleLog).warn({ event: "resources.stream_error", provider: model.provider, err: error }, "stream error");
    },
  });

  const partials = result.partialOutputStream[Symbol.asyncIterator]();
  const started = Date.now();
  let last: unknown;
  try {
    for (;;) {
      const first = last === undefined;
      const budget = first ? config.LLM_FIRST_TOKEN_TIMEOUT_MS - (Date.now() - started) : config.LLM_IDLE_TIMEOUT_MS;
      const next = await withTimeout(partials.next(), budget, first ? "first_token_timeout" : "idle_timeout");
      if (next.done) break;
      last = next.value;
      emit(filter.update(last, false));
    }
  } catch (err) {
    upstream.abort();
    void partials.return?.().catch(() => {});
    return err instanceof Timeout ? err.reason : "error";
  }
  const finish = await Promise.resolve(result.finishReason).catch(() => "error" as const);
  if (failed || finish === "error") return "error";
  if (finish !== "stop") return "incomplete";
  if (last === undefined) return "empty";
  emit(filter.update(last, true));
  return null;
}

/**
 * The resources message for one case as a stream of page events, each of which has passed the filter. The
 * message is complete even if the provider fails: the offline composer fills whatever the model did not deliver.
 * Only counts are logged, never text.
 */
export function streamSupportEvents(ctx: ResourceCase, options: ResourceStreamOptions): ReadableStream<SupportEvent> {
  const log = options.log ?? moduleLog;
  const remote = options.remote !== undefined ? options.remote : createRemoteModel(options.config);
  const filter = new MessageFilter({ allowedIds: ctx.candidates.map((c) => c.resource.id), knownNames: knownNames(ctx) });
  let closed = false;
  // Stop means stop, whichever way it comes: the caller's signal (the route's request.signal) or the reader
  // cancelling this stream (the response body cancelled when the person stops or leaves). Either ends the
  // provider request.
  const cancelled = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, cancelled.signal]) : cancelled.signal;
  const modelOptions: ResourceStreamOptions = { ...options, signal };

  return new ReadableStream<SupportEvent>({
    async start(controller) {
      const emit: Emit = (events) => {
        if (!closed) for (const e of events) controller.enqueue(e);
      };
      let provider = remote?.provider ?? "offline";
      try {
        if (ctx.candidates.length > 0) {
          const model = remote ?? new OfflineComposerModel(ctx, { chunkDelayMs: options.config.LLM_OFFLINE_CHUNK_DELAY_MS });
          provider = model.provider;
          const reason = await streamModel(model, ctx, filter, emit, modelOptions);
          if (reason && remote && !signal.aborted) log.warn({ event: "resources.fallback", provider, reason }, "offline composer fills in");
        }
      } catch (err) {
        // Last line of defence (streamModel handles provider failures itself): the offline composer fills in.
        log.error({ event: "resources.pipeline_error", err }, "resources stream failed; offline composer fills in");
      }
      if (signal.aborted || closed) {
        // Stopped: nothing more is written (no offline fill, no end event); the stream just ends.
        if (!closed) {
          closed = true;
          controller.close();
        }
        return;
      }
      emit(filter.fill(composeSupport(ctx)));
      const removed = Object.values(filter.removed).reduce((a, b) => a + (b ?? 0), 0);
      if (removed > 0) log.warn({ event: "resources.filter", provider, removed: filter.removed }, "refused parts of a generated message");
      emit([{ type: "end" }]);
      closed = true;
      controller.close();
    },
    cancel() {
      closed = true;
      cancelled.abort();
    },
  });
}
