import "server-only";
import { resolveCountry } from "@/lib/country";
import { GENERIC_ERROR_MESSAGE } from "@/lib/errors";
import { crisisLinesFor } from "@/lib/resources/crisis";
import type { CheckResult, SaveCheckOutcome, SaveStatus } from "./types";

/**
 * The JSON answers of /api/self-check and /api/self-check/save. Every answer that is not a plain result carries the
 * crisis lines for the person's country (plain directory data, no model, no network), whatever went wrong: a bad
 * body, a limit, a refused receipt, a failure inside. Bad input is a 4xx, never a 5xx.
 */
const NO_STORE = { "cache-control": "no-store" };

type Lines = ReturnType<typeof crisisLinesFor>;
export type WithCrisisLines<T> = T & { crisisLines: Lines };

function headersFor(retryAfterSeconds: number | undefined): Record<string, string> {
  return retryAfterSeconds
    ? { ...NO_STORE, "retry-after": String(Math.max(1, Math.ceil(retryAfterSeconds))) }
    : NO_STORE;
}

export function countryOf(request: Request, chosen?: string): string {
  return resolveCountry(chosen, request.headers.get("accept-language"));
}

/** A refusal before the self-check could run (body too large, not JSON, an unexpected failure). */
export function refusal(request: Request, status: number, error: string, country?: string): Response {
  const c = countryOf(request, country);
  return Response.json(
    { error, showCrisis: true, country: c, crisisLines: crisisLinesFor(c) },
    { status, headers: NO_STORE },
  );
}

/** The answer to a failure nobody foresaw: as when the model is missing, help first and kind words. */
export function unavailableAnswer(country: string): CheckResult {
  return {
    id: "unavailable",
    outcome: "unavailable",
    message: GENERIC_ERROR_MESSAGE,
    country,
    showCrisis: true,
    crisisReason: "fallback",
    source: "paste",
    resources: [],
    save: { status: "not_requested" },
  };
}

export function selfCheckAnswer(result: CheckResult): Response {
  const status = result.rateLimited ? 429 : result.outcome === "invalid" ? 400 : 200;
  const failed = result.outcome !== "result" || result.showCrisis;
  const body: CheckResult | WithCrisisLines<CheckResult> = failed
    ? { ...result, crisisLines: crisisLinesFor(result.country) }
    : result;
  return Response.json(body, {
    status,
    headers: headersFor(result.rateLimited ? result.retryAfterSeconds : undefined),
  });
}

const SAVE_STATUS: Record<Extract<SaveCheckOutcome, { ok: false }>["problem"], number> = {
  invalid: 400,
  expired: 400,
  text_mismatch: 400,
  rate_limited: 429,
  // Gone for good: the case was deleted and its key retired.
  retired: 410,
};

export function saveAnswer(request: Request, outcome: SaveCheckOutcome): Response {
  if (outcome.ok) return Response.json(outcome.save satisfies SaveStatus, { headers: NO_STORE });
  const country = countryOf(request, outcome.country);
  return Response.json(
    {
      error: outcome.message,
      problem: outcome.problem,
      rateLimited: outcome.problem === "rate_limited" || undefined,
      country,
      crisisLines: crisisLinesFor(country),
    },
    { status: SAVE_STATUS[outcome.problem], headers: headersFor(outcome.retryAfterSeconds) },
  );
}
