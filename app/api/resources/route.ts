import { z } from "zod";
import { redactText } from "@/lib/anonymize";
import { readAiConfig, type AiConfig } from "@/lib/ai/config";
import { readEnv } from "@/lib/env";
import { buildResourceCase, resourceCaseSchema, MAX_POST_CHARS } from "@/lib/ai/context";
import { streamSupportEvents } from "@/lib/ai/pipeline";
import type { SupportEvent } from "@/lib/ai/support-message";
import { UserFacingError, toHttpStatus, toUserMessage } from "@/lib/errors";
import { logger } from "@/lib/log";
import { clientKeyFor, limitGeneration } from "@/lib/rate-limit";
import { readJsonBody } from "@/lib/http/json-body";
import { crisisLinesFor } from "@/lib/resources/crisis";
import { countryOf } from "@/lib/self-check/http-answers";

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

// Every refusal carries the crisis lines for the person's country, like the self-check's (api-answers.ts).
function problem(err: unknown, request: Request, country?: string): Response {
  const headers: Record<string, string> = { "cache-control": "no-store" };
  if (err instanceof UserFacingError && err.retryAfterSeconds) headers["retry-after"] = String(err.retryAfterSeconds);
  const c = countryOf(request, country);
  return Response.json({ error: toUserMessage(err), country: c, crisisLines: crisisLinesFor(c) }, { status: toHttpStatus(err), headers });
}

// The post is cut to ACCEPTED_CHARS by the schema; the body is capped before it is read (UTF-8, JSON escapes).
const MAX_BODY_BYTES = ACCEPTED_CHARS * 4 + 16 * 1024;

function configOrOffline(): AiConfig {
  try {
    return readAiConfig();
  } catch (err) {
    // A broken provider setting must not cost anyone their message: write it offline and say so in the logs.
    log.error({ event: "resources.config_error", err }, "invalid LLM configuration; using the offline composer");
    return readAiConfig({ ...readEnv(), LLM_PROVIDER: "offline" });
  }
}

export async function POST(request: Request): Promise<Response> {
  const read = await readJsonBody(request, MAX_BODY_BYTES);
  if (!read.ok) return problem(new UserFacingError("We couldn't read that request. Please try again.", { kind: "invalid_input" }), request);
  const parsed = bodySchema.safeParse(read.body);
  if (!parsed.success) {
    return problem(new UserFacingError("Something in that request didn't look right. Please try again.", { kind: "invalid_input" }), request);
  }

  try {
    await limitGeneration(clientKeyFor(request));
  } catch (err) {
    return problem(err, request, parsed.data.country);
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
    return problem(err, request, parsed.data.country);
  }
}
