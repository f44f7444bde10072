import { clientKeyFor } from "@/lib/rate-limit";
import { readJsonBody } from "@/lib/http/json-body";
import { logger } from "@/lib/log";
import { runSelfCheck, selfCheckDeps } from "@/lib/self-check";
import { countryOf, refusal, selfCheckAnswer, unavailableAnswer } from "@/lib/self-check/http-answers";

/**
 * POST /api/self-check: the same journey as the page's server action, as JSON, for scripts and the load bench.
 * Public on purpose (no sign-in, like the page); rate-limited per client; body parsed by runSelfCheck's zod schema.
 * Body: { text?, link?, country?, consent: boolean, submissionKey: uuid, saveLater?: boolean } -> CheckResult.
 * With saveLater, as the page does, the answer comes before the save: POST its receipt to /api/self-check/save.
 * Every answer other than a result carries the crisis lines (api-answers.ts); bad input and limits are 4xx.
 */
const MAX_BODY_BYTES = 64 * 1024;

export async function POST(request: Request): Promise<Response> {
  const read = await readJsonBody(request, MAX_BODY_BYTES);
  if (!read.ok) return refusal(request, read.status, read.error);
  try {
    const result = await runSelfCheck(read.body, { acceptLanguage: request.headers.get("accept-language") }, selfCheckDeps(clientKeyFor(request)));
    return selfCheckAnswer(result);
  } catch (err) {
    // runSelfCheck turns every expected failure into an answer; this is for the unexpected, which is answered the way
    // a missing model is (outcome "unavailable", the crisis card first), never with an empty 500.
    logger.error({ err, event: "selfcheck.route_failed" }, "self-check route failed");
    const country = (read.body as { country?: unknown } | null)?.country;
    return selfCheckAnswer(unavailableAnswer(countryOf(request, typeof country === "string" ? country : undefined)));
  }
}
