/**
 * The self-check, start to finish, shared by the server action (the page) and POST /api/self-check.
 * Order: parse, rate-limit, get the words (paste or link), check them, classify, rank directory resources,
 * save only with consent. Every failure becomes a kind message; anything unexpected shows the crisis card.
 * With `saveLater` (the page does this) the answer does not wait for the save: it carries a signed receipt, and
 * runSaveCheck (save.ts) saves the case when the page sends it back with the words.
 */
import "server-only";
import { z } from "zod";
import { isUserFacingError } from "@/lib/errors";
import { checkPostText } from "@/lib/ingest/text";
import { LinkError } from "@/lib/ingest/errors";
import type { FetchedPost } from "@/lib/ingest";
import { resolveCountry } from "@/lib/country";
import { rankResources } from "@/lib/resources/rank";
import type { NewCase, SavedCase } from "@/lib/db/cases";
import type { Analysis, CheckResult, SaveStatus } from "./types";
import { mentionsCrisis } from "@/lib/classifier/crisis-words";
import { issueReceipt } from "./receipt";
import { saveConsented } from "./save";
import { selfCheckInputSchema } from "./schema";

export type ClassifyOutcome = { ok: true; analysis: Analysis } | { ok: false; reason: "model_unavailable" | "failed" };

export interface SelfCheckDeps {
  classify(text: string): Promise<ClassifyOutcome>;
  fetchPost(link: string): Promise<FetchedPost>;
  saveCase(input: NewCase): Promise<SavedCase>;
  /** Throws a UserFacingError (kind "rate_limited") when the client has checked too many posts. */
  limit(): Promise<void>;
  /** Throws a UserFacingError (kind "rate_limited") when this client, or all clients together, saved too many cases. */
  limitSave(): Promise<void>;
  /** Runs the answer's own work (from the words to the result), counted so that saves can wait for it. */
  answering?<T>(work: () => Promise<T>): Promise<T>;
  /** Runs a save made after its answer: it waits while others are still waiting for theirs (answers-first.ts). */
  asSave?<T>(work: () => Promise<T>): Promise<T>;
  log(event: string, details?: Record<string, unknown>): void;
}

export interface SelfCheckContext {
  acceptLanguage: string | null;
}

const MESSAGES = {
  modelUnavailable:
    "Our model isn't available right now, so we can't say what this post shows. If you or someone you care about needs support now, the lines above are free and confidential.",
  failed:
    "Something went wrong while reading this. Please try again in a moment. The crisis lines above are always available.",
  notEnglish:
    "Lantern's model has only learned English, so it can't say anything reliable about this text. If you or someone you care about is struggling, the lines above can help, many of them in other languages too.",
  invalidRequest: "Something about this request didn't look right. Please reload the page and try again.",
} as const;

function baseResult(id: string, country: string, source: CheckResult["source"]): Omit<CheckResult, "outcome"> {
  return { id, country, source, showCrisis: false, resources: [], save: { status: "not_requested" } };
}

function resourcesFor(analysis: Analysis | undefined, country: string): CheckResult["resources"] {
  const ranked = rankResources({
    conditions: analysis?.probabilities ?? {},
    tier: analysis?.tier ?? "low",
    country: country === "ZZ" ? undefined : country,
    limit: 5,
  });
  return ranked.map(({ resource, reason }) => ({ resource, reason }));
}

export async function runSelfCheck(raw: unknown, ctx: SelfCheckContext, deps: SelfCheckDeps): Promise<CheckResult> {
  const parsed = selfCheckInputSchema.safeParse(raw);
  const fallbackCountry = resolveCountry(undefined, ctx.acceptLanguage);
  if (!parsed.success) {
    const id =
      typeof (raw as { submissionKey?: unknown })?.submissionKey === "string"
        ? String((raw as { submissionKey: string }).submissionKey).slice(0, 64)
        : "invalid";
    return { ...baseResult(id, fallbackCountry, "paste"), outcome: "invalid", message: MESSAGES.invalidRequest };
  }
  const input = parsed.data;
  const country = resolveCountry(input.country, ctx.acceptLanguage);
  const useLink = !input.text.trim() && !!input.link.trim();
  const base = baseResult(input.submissionKey, country, useLink ? "link" : "paste");
  const nothingSaved: SaveStatus = input.consent ? { status: "nothing_to_save" } : { status: "not_requested" };

  try {
    await deps.limit();
  } catch (err) {
    if (isUserFacingError(err)) {
      return {
        ...base,
        outcome: "unavailable",
        rateLimited: true,
        retryAfterSeconds: err.retryAfterSeconds,
        message: err.message,
        showCrisis: true,
        save: nothingSaved,
      };
    }
    throw err;
  }

  let words = input.text;
  if (useLink) {
    try {
      words = (await deps.fetchPost(input.link)).text;
    } catch (err) {
      const message = err instanceof LinkError ? err.message : MESSAGES.failed;
      deps.log("selfcheck.link_failed", { problem: err instanceof LinkError ? err.problem : "error" });
      return { ...base, outcome: "invalid", field: "link", message, save: nothingSaved };
    }
  }

  const answer = () => answerFor(words, input, base, country, nothingSaved, deps);
  return deps.answering ? deps.answering(answer) : answer();
}

/** From the words to the answer: check them, classify, rank resources, and save (or issue a receipt) with consent. */
async function answerFor(
  words: string,
  input: z.output<typeof selfCheckInputSchema>,
  base: Omit<CheckResult, "outcome">,
  country: string,
  nothingSaved: SaveStatus,
  deps: SelfCheckDeps,
): Promise<CheckResult> {
  const useLink = base.source === "link";
  const checked = checkPostText(words);
  if (!checked.ok)
    return {
      ...base,
      outcome: "invalid",
      field: useLink ? "link" : "text",
      message: checked.message,
      save: nothingSaved,
    };
  // Sent back so the resources stream reads exactly what was classified; shown on the page only for links.
  const textRead = checked.text;

  const explicitRisk = mentionsCrisis(checked.text);
  if (!checked.likelyEnglish) {
    return {
      ...base,
      outcome: "not_english",
      message: MESSAGES.notEnglish,
      showCrisis: true,
      crisisReason: explicitRisk ? "risk" : "fallback",
      textRead,
      resources: resourcesFor(undefined, country),
      save: nothingSaved,
    };
  }

  const classified = await deps.classify(checked.text).catch((): ClassifyOutcome => ({ ok: false, reason: "failed" }));
  if (!classified.ok) {
    deps.log("selfcheck.classify_failed", { reason: classified.reason });
    return {
      ...base,
      outcome: "unavailable",
      message: classified.reason === "model_unavailable" ? MESSAGES.modelUnavailable : MESSAGES.failed,
      showCrisis: true,
      crisisReason: explicitRisk ? "risk" : "fallback",
      textRead,
      resources: resourcesFor(undefined, country),
      save: nothingSaved,
    };
  }

  const analysis = classified.analysis;
  const resources = resourcesFor(analysis, country);
  let save: SaveStatus = { status: "not_requested" };
  if (input.consent) {
    const request = {
      submissionKey: input.submissionKey,
      text: checked.text,
      classification: analysis,
      resourcesShown: resources.map((r) => r.resource.id),
      country,
    };
    if (input.saveLater) save = { status: "pending", receipt: issueReceipt(request) };
    else {
      const saved = await saveConsented(request, deps);
      save = saved.ok ? saved.save : { status: "failed" };
    }
  }

  const showCrisis = analysis.tier === "crisis" || explicitRisk;
  return {
    ...base,
    outcome: "result",
    showCrisis,
    crisisReason: showCrisis ? "risk" : undefined,
    analysis,
    textRead,
    resources,
    save,
  };
}
