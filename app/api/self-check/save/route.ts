import { clientKeyFor } from "@/lib/rate-limit";
import { readJsonBody } from "@/lib/http/json-body";
import { logger } from "@/lib/log";
import { runSaveCheck, selfCheckDeps } from "@/lib/self-check";
import { refusal, saveAnswer } from "@/lib/self-check/http-answers";

/**
 * POST /api/self-check/save: the second half of a self-check sent with `saveLater: true`, as JSON.
 * Public on purpose, like the self-check: the signed receipt (issued only with consent, for exactly these words)
 * is the permission. Rate-limited per client and for all clients together. Body: { receipt, text } -> SaveStatus;
 * refusals are 4xx JSON with kind words and the crisis lines (429 with Retry-After, 410 for a deleted case's key).
 */
const MAX_BODY_BYTES = 128 * 1024;

export async function POST(request: Request): Promise<Response> {
  const read = await readJsonBody(request, MAX_BODY_BYTES);
  if (!read.ok) return refusal(request, read.status, read.error);
  try {
    return saveAnswer(request, await runSaveCheck(read.body, selfCheckDeps(clientKeyFor(request))));
  } catch (err) {
    // Save failures are answers already ("failed", "queued"); this is for the unforeseen. Nothing was stored.
    logger.error({ err, event: "selfcheck.save_route_failed" }, "save route failed");
    return saveAnswer(request, { ok: true, save: { status: "failed" } });
  }
}
