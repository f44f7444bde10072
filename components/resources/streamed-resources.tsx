"use client";

import { useEffect, useMemo, useRef } from "react";
import { Button } from "@/components/ui/button";
import { CANDIDATE_LIMIT } from "@/lib/ai/context";
import { getResource } from "@/lib/resources/directory";
import type { Condition, Confidence, Tier } from "@/lib/assessment/vocabulary";
import { rankResources, type Preference, type UserAudience } from "@/lib/resources/rank";
import { ResourceCard } from "./resource-card";
import { useSupportStream } from "./use-support-stream";

export interface StreamedResourcesProps {
  /** The post. The server anonymizes it before any remote model sees it; the offline composer does not read it. */
  text: string;
  conditions: Record<Condition, number>;
  tier: Tier;
  confidence: Confidence;
  /** ISO 3166-1 alpha-2. */
  country?: string;
  audiences?: UserAudience[];
  preferences?: Preference[];
  /** For tests and storybook-like pages; the app uses the default. */
  api?: string;
}

/**
 * The personalised message, streamed from /api/resources: the model's filtered words, and each service it picked
 * drawn as a directory card (name, numbers, links and hours from the directory only). The ranked verified entries
 * are computed here too (same pure function as the server), so whatever happens to the stream, the person still
 * sees the contacts. The crisis card is not this component's job and never waits on it.
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
  const request = useMemo(() => ({ ...body, prompt: text }), [body, text]);
  const { view, phase, failure, start, stop } = useSupportStream(api, request);

  const started = useRef(false);
  useEffect(() => {
    // Once per mount (React's dev double-effect would otherwise send two requests); key the component to restart.
    if (started.current) return;
    started.current = true;
    void start();
  }, [start]);

  const streaming = phase === "writing";
  // Only the ranked candidates, looked up in the directory: an id from anywhere else is not drawn.
  const picks = view.picks.flatMap((p) => {
    const resource = ranked.some((r) => r.resource.id === p.id) ? getResource(p.id) : undefined;
    return resource ? [{ resource, why: p.why }] : [];
  });
  const shown = new Set(picks.map((p) => p.resource.id));
  const others = ranked.filter((r) => !shown.has(r.resource.id));
  const reasons = new Map(ranked.map((r) => [r.resource.id, r.reason]));

  return (
    <section aria-labelledby="streamed-resources-heading" data-testid="streamed-resources" data-phase={streaming ? "writing" : phase} className="space-y-4">
      <div className="flex items-center justify-between gap-3">
        <h2 id="streamed-resources-heading" className="text-lg font-semibold">
          Support that fits what you shared
        </h2>
        {streaming ? (
          <Button type="button" variant="outline" size="sm" onClick={stop} data-testid="stop-resources">
            Stop writing
          </Button>
        ) : phase !== "done" ? (
          <Button type="button" variant="outline" size="sm" onClick={() => void start()} data-testid="retry-resources">
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
        {view.opening ? <p className="whitespace-pre-line leading-relaxed">{view.opening}</p> : null}
        {picks.map((p) => (
          <ResourceCard key={p.resource.id} resource={p.resource} reason={p.why || undefined} />
        ))}
        {view.closing ? <p className="whitespace-pre-line leading-relaxed">{view.closing}</p> : null}
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
