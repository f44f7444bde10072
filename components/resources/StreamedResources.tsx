"use client";

import { useCompletion } from "@ai-sdk/react";
import { useEffect, useMemo, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { CANDIDATE_LIMIT } from "@/lib/ai/context";
import { getResource } from "@/lib/resources/directory";
import { rankResources, type CaseCondition, type Preference, type RiskTier, type UserAudience } from "@/lib/resources/rank";
import { ResourceCard } from "./ResourceCard";
import { parseMessage, referencedIds } from "./parse-message";

export interface StreamedResourcesProps {
  /** The post. The server anonymizes it before any remote model sees it; the offline composer does not read it. */
  text: string;
  conditions: Record<CaseCondition, number>;
  tier: RiskTier;
  confidence: "high" | "moderate" | "low";
  /** ISO 3166-1 alpha-2. */
  country?: string;
  audiences?: UserAudience[];
  preferences?: Preference[];
  /** For tests and storybook-like pages; the app uses the default. */
  api?: string;
}

type Phase = "writing" | "done" | "stopped" | "failed";

/** The route answers errors with {"error": kind words} (rate limit, bad input); anything else gets our own words. */
function userMessageFrom(err: Error): string | null {
  try {
    const body = JSON.parse(err.message) as { error?: unknown };
    if (typeof body.error === "string" && body.error.length < 400) return body.error;
  } catch {
    // not our JSON: fall through to the generic words
  }
  return null;
}

/**
 * The personalised message, streamed from /api/resources, with every [[res:id]] drawn as a directory card.
 * The ranked verified entries are computed here too (same pure function as the server), so whatever happens to
 * the stream, the person still sees the contacts. The crisis card is not this component's job and never waits on it.
 */
export function StreamedResources({ text, conditions, tier, confidence, country, audiences = [], preferences = [], api = "/api/resources" }: StreamedResourcesProps) {
  const body = useMemo(
    () => ({ conditions, tier, confidence, ...(country && /^[A-Za-z]{2}$/.test(country) ? { country } : {}), audiences, preferences }),
    [conditions, tier, confidence, country, audiences, preferences],
  );
  const ranked = useMemo(
    () => rankResources({ conditions, tier, country: body.country, audiences, preferences, limit: CANDIDATE_LIMIT }),
    [conditions, tier, body.country, audiences, preferences],
  );
  const [phase, setPhase] = useState<Phase>("writing");
  const [failure, setFailure] = useState<string | null>(null);
  const stoppedByUser = useRef(false);

  const { completion, complete, stop, isLoading } = useCompletion({
    api,
    streamProtocol: "text",
    body,
    // Re-render at most every 40 ms: smooth on slow phones, still reads as live.
    experimental_throttle: 40,
    onFinish: () => setPhase(stoppedByUser.current ? "stopped" : "done"),
    onError: (err) => {
      setFailure(userMessageFrom(err));
      setPhase(stoppedByUser.current ? "stopped" : "failed");
    },
  });

  const start = () => {
    stoppedByUser.current = false;
    setFailure(null);
    setPhase("writing");
    void complete(text);
  };

  const started = useRef(false);
  useEffect(() => {
    // Once per mount (React's dev double-effect would otherwise send two requests); key the component to restart.
    if (started.current) return;
    started.current = true;
    start();
  }, []);

  const onStop = () => {
    stoppedByUser.current = true;
    stop();
    setPhase("stopped");
  };

  const streaming = isLoading && phase === "writing";
  const segments = parseMessage(completion, streaming);
  const shown = referencedIds(completion);
  const others = ranked.filter((r) => !shown.has(r.resource.id));
  const reasons = new Map(ranked.map((r) => [r.resource.id, r.reason]));

  return (
    <section aria-labelledby="streamed-resources-heading" data-testid="streamed-resources" data-phase={streaming ? "writing" : phase} className="space-y-4">
      <div className="flex items-center justify-between gap-3">
        <h2 id="streamed-resources-heading" className="text-lg font-semibold">
          Support that fits what you shared
        </h2>
        {streaming ? (
          <Button type="button" variant="outline" size="sm" onClick={onStop} data-testid="stop-resources">
            Stop writing
          </Button>
        ) : phase !== "done" ? (
          <Button type="button" variant="outline" size="sm" onClick={start} data-testid="retry-resources">
            Write it again
          </Button>
        ) : null}
      </div>

      <p role="status" className="text-sm text-muted-foreground">
        {streaming
          ? "Writing a message for you…"
          : phase === "stopped"
            ? "You stopped the message. The verified contacts below are still here."
            : phase === "failed"
              ? (failure ?? "We couldn't write the message just now. The verified contacts below are still here for you.")
              : "Written for you from our verified directory. Every contact detail comes from that directory."}
      </p>

      <div data-testid="resources-message" aria-busy={streaming} className="space-y-3">
        {segments.map((s, i) => {
          if (s.kind === "text") {
            return (
              <p key={i} className="whitespace-pre-line leading-relaxed">
                {s.text}
              </p>
            );
          }
          const resource = getResource(s.id);
          return resource ? <ResourceCard key={`${s.id}-${i}`} resource={resource} /> : null;
        })}
      </div>

      {!streaming && others.length > 0 ? (
        <div className="space-y-3" data-testid="more-resources">
          <h3 className="font-medium">{shown.size > 0 ? "More verified options" : "Verified options for you"}</h3>
          {others.map((r) => (
            <ResourceCard key={r.resource.id} resource={r.resource} reason={reasons.get(r.resource.id)} />
          ))}
        </div>
      ) : null}
    </section>
  );
}
