import { clientKeyFor } from "@/lib/rate-limit";
import { readJsonBody } from "@/lib/http/json-body";
import { selfCheckDeps } from "@/app/(public)/_lib/deps";
import { runSaveCheck } from "@/app/(public)/_lib/self-check";

/**
 * POST /api/self-check/save: the second half of a self-check sent with `saveLater: true`, as JSON.
 * Public on purpose, like the self-check: the signed receipt (issued only with consent, for exactly these words)
 * is the permission. Body: { receipt, text } -> SaveStatus, or 400 with a kind message.
 */
const MAX_BODY_BYTES = 128 * 1024;

export async function POST(request: Request): Promise<Response> {
  const read = await readJsonBody(request, MAX_BODY_BYTES);
  if (!read.ok) return read.response;
  const outcome = await runSaveCheck(read.body, selfCheckDeps(clientKeyFor(request)));
  return outcome.ok ? Response.json(outcome.save) : Response.json({ error: outcome.message }, { status: 400 });
}
