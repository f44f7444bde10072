import { clientKeyFor } from "@/lib/rate-limit";
import { selfCheckDeps } from "@/app/(public)/_lib/deps";
import { runSelfCheck } from "@/app/(public)/_lib/self-check";

/**
 * POST /api/self-check: the same journey as the page's server action, as JSON, for scripts and the load bench.
 * Public on purpose (no sign-in, like the page); rate-limited per client; body parsed by runSelfCheck's zod schema.
 * Body: { text?, link?, country?, consent: boolean, submissionKey: uuid } -> CheckResult.
 */
const MAX_BODY_BYTES = 64 * 1024;

export async function POST(request: Request): Promise<Response> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_BODY_BYTES) return Response.json({ error: "That request is too large." }, { status: 413 });
  let body: unknown;
  try {
    const raw = await request.text();
    if (raw.length > MAX_BODY_BYTES) return Response.json({ error: "That request is too large." }, { status: 413 });
    body = JSON.parse(raw);
  } catch {
    return Response.json({ error: "Please send JSON." }, { status: 400 });
  }
  const result = await runSelfCheck(body, { acceptLanguage: request.headers.get("accept-language") }, selfCheckDeps(clientKeyFor(request)));
  const status = result.rateLimited ? 429 : result.outcome === "invalid" ? 400 : 200;
  return Response.json(result, { status });
}
