import { z } from "zod";
import { redactText } from "@/lib/anonymize";
import { readAiConfig, type AiConfig } from "@/lib/ai/config";
import { buildResourceCase, resourceCaseSchema, MAX_POST_CHARS } from "@/lib/ai/context";
import { streamSupportEvents } from "@/lib/ai/pipeline";
import type { SupportEvent } from "@/lib/ai/support-message";
import { UserFacingError, toHttpStatus, toUserMessage } from "@/lib/errors";
import { logger } from "@/lib/log";
import { clientKeyFor, limitGeneration } from "@/lib/rate-limit";

/**
 * POST /api/resources: streams the personalised resources message as NDJSON events (lib/ai/support-message.ts):
 * filtered sentences and picked directory ids, never a contact detail (the page draws those from the directory).
 * Public on purpose: the self-check needs no account and nothing is stored here. Guarded by a per-client and a
 * global rate limit. The crisis card never waits on this route; it renders from directory data on the page.
 */

const log = logger.child({ module: "resources-route" });

// Longer posts are accepted and cut: a person in distress should not be told their post is too long.
const ACCEPTED_CHARS = 50_000;

const bodySchema = resourceCaseSchema
  .omit({ text: true })
  .extend({
    // The post, anonymized here before anything else sees it.
    prompt: z.string().max(ACCEPTED_CHARS),
  })
  .strict();

export type ResourcesRequestBody = z.input<typeof bodySchema>;

function problem(err: unknown): Response {
  const headers: Record<string, string> = { "cache-control": "no-store" };
  if (err instanceof UserFacingError && err.retryAfterSeconds) headers["retry-after"] = String(err.retryAfterSeconds);
  return Response.json({ error: toUserMessage(err) }, { status: toHttpStatus(err), headers });
}

function configOrOffline(): AiConfig {
  try {
    return readAiConfig();
  } catch (err) {
    // A broken provider setting must not cost anyone their message: write it offline and say so in the logs.
    log.error({ event: "resources.config_error", err }, "invalid LLM configuration; using the offline composer");
    return readAiConfig({ ...process.env, LLM_PROVIDER: "offline" });
  }
}

export async function POST(request: Request): Promise<Response> {
  let json: unknown;
  try {
    json = await request.json();
  } catch {
    return problem(new UserFacingError("We couldn't read that request. Please try again.", { kind: "invalid_input" }));
  }
  const parsed = bodySchema.safeParse(json);
  if (!parsed.success) {
    return problem(new UserFacingError("Something in that request didn't look right. Please try again.", { kind: "invalid_input" }));
  }

  try {
    await limitGeneration(clientKeyFor(request));
  } catch (err) {
    return problem(err);
  }

  const config = configOrOffline();
  const { prompt, ...criteria } = parsed.data;
  // Only a remote model reads the text, and it only ever gets the anonymized version. The offline composer
  // works from the structured case alone, so it is not given the text at all.
  const text = config.LLM_PROVIDER === "offline" ? "" : redactText(prompt.slice(0, MAX_POST_CHARS * 2)).slice(0, MAX_POST_CHARS);

  try {
    const ctx = buildResourceCase({ ...criteria, text });
    const lines = new TransformStream<SupportEvent, string>({ transform: (event, out) => out.enqueue(`${JSON.stringify(event)}\n`) });
    const stream = streamSupportEvents(ctx, { config, signal: request.signal }).pipeThrough(lines);
    return new Response(stream.pipeThrough(new TextEncoderStream()), {
      headers: {
        "content-type": "application/x-ndjson; charset=utf-8",
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
        // Proxies must pass chunks on as they come, not buffer the whole message.
        "x-accel-buffering": "no",
      },
    });
  } catch (err) {
    log.error({ event: "resources.route_error", err }, "could not start the resources stream");
    return problem(err);
  }
}
