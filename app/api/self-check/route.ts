import { clientKeyFor } from "@/lib/rate-limit";
import { readJsonBody } from "@/lib/http/json-body";
import { selfCheckDeps } from "@/app/(public)/_lib/deps";
import { runSelfCheck } from "@/app/(public)/_lib/self-check";

/**
 * POST /api/self-check: the same journey as the page's server action, as JSON, for scripts and the load bench.
 * Public on purpose (no sign-in, like the page); rate-limited per client; body parsed by runSelfCheck's zod schema.
 * Body: { text?, link?, country?, consent: boolean, submissionKey: uuid, saveLater?: boolean } -> CheckResult.
 * With saveLater, as the page does, the answer comes before the save: POST its receipt to /api/self-check/save.
 */
const MAX_BODY_BYTES = 64 * 1024;

export async function POST(request: Request): Promise<Response> {
  const read = await readJsonBody(request, MAX_BODY_BYTES);
  if (!read.ok) return read.response;
  const result = await runSelfCheck(read.body, { acceptLanguage: request.headers.get("accept-language") }, selfCheckDeps(clientKeyFor(request)));
  const status = result.rateLimited ? 429 : result.outcome === "invalid" ? 400 : 200;
  return Response.json(result, { status });
}
